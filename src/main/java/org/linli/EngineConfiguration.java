package org.linli;

import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine wiring that the Camunda starter's defaults get wrong for this project. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    static BeanFactoryPostProcessor flywayBeforeEngine() {
        return new FlywayBeforeEngine();
    }

    @Bean
    static CamundaDeploymentConfiguration camundaDeploymentConfiguration() {
        return new StableNameDeploymentConfiguration();
    }
}
