package org.linli;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes the process engine wait for Flyway. On a fresh database the engine would otherwise create its
 * ACT_* tables first, and Flyway then refuses to migrate a non-empty schema.
 */
class FlywayBeforeEngine implements BeanFactoryPostProcessor {

    static final String ENGINE_CONFIGURATION = "processEngineConfigurationImpl";
    static final String FLYWAY_INITIALIZER = "flywayInitializer";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(ENGINE_CONFIGURATION)
                || !beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)) {
            return;
        }
        BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_CONFIGURATION);
        String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
        if (Arrays.asList(dependsOn).contains(FLYWAY_INITIALIZER)) {
            return;
        }
        engine.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(FLYWAY_INITIALIZER)).toArray(String[]::new));
    }
}
