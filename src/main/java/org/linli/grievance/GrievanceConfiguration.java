package org.linli.grievance;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GrievanceConfiguration {

    /** The name the BPMN's expressions use: {@code ${grievanceProperties.ratingWindowIso()}}. */
    static final String PROPERTIES_BEAN = "grievanceProperties";

    /**
     * Configuration-properties scanning names the bean {@code <prefix>-<class name>}; the process model needs a
     * plain name, so it gets an alias.
     */
    @Bean
    static BeanFactoryPostProcessor grievancePropertiesAlias() {
        return beanFactory -> ((BeanDefinitionRegistry) beanFactory).registerAlias(
                GrievanceProperties.PREFIX + "-" + GrievanceProperties.class.getName(), PROPERTIES_BEAN);
    }
}
