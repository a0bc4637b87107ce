package org.linli;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * Makes {@code camunda.bpm.history-level: case} known to the engine ({@link CaseHistoryLevel}), with the
     * variables that must never reach history.
     */
    @Bean
    static ProcessEnginePlugin caseHistoryLevel(
            @Value("${app.history.personal-variables:reporterName,reporterPhone}") Set<String> personalVariables) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setCustomHistoryLevels(List.of(new CaseHistoryLevel(personalVariables)));
            }
        };
    }
}
