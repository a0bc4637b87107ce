package org.linli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.ProcessEngine;
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
     * Names the JDK's own {@link DatatypeFactory} before the engine starts. The engine creates one for every timer it
     * schedules ({@code DurationHelper}); unnamed, each creation searches every jar on the class path for another
     * implementation (JDK-6466177) and finds none: 2 % of the alarm ingestion's CPU in a profile. A name given on the
     * command line wins.
     */
    @Bean
    static ProcessEnginePlugin namedDatatypeFactory() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
                    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                            DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
                }
            }
        };
    }

    /**
     * Two of the engine's sessions, each doing work its answer does not need on a hot path: the id check before every
     * insert ({@link EntityIdCheck}) and the lookup of a deployment's decision ({@link DeployedDecisionLookups}).
     */
    @Bean
    static ProcessEnginePlugin leanerEngineSessions() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                List.of(new EntityIdCheck(configuration.getIdGenerator()), new DeployedDecisionLookups())
                        .forEach(factory -> configuration.getSessionFactories().put(factory.getSessionType(),
                                factory));
            }
        };
    }

    /**
     * Indexes the engine's schema lacks ({@link EngineIndexes}), created after the engine built (or checked) its tables.
     * On PostgreSQL the build runs concurrently, on a thread of its own: start-up does not wait for it.
     */
    @Bean
    static ProcessEnginePlugin missingEngineIndexes() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                ProcessEngineConfigurationImpl configuration =
                        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
                EngineIndexes indexes = new EngineIndexes(configuration.getDataSource(),
                        configuration.getDatabaseTablePrefix(), configuration.getDatabaseType());
                if (indexes.concurrent()) {
                    Thread builder = new Thread(indexes::create, "linli-engine-indexes");
                    builder.setDaemon(true);
                    builder.start();
                } else {
                    indexes.create();
                }
            }
        };
    }

    /**
     * Makes {@code camunda.bpm.history-level: case} known to the engine ({@link CaseHistoryLevel}), with the
     * variables history keeps nothing of (personal ones, and working ones it holds in another form) and the
     * lookup tables whose evaluations it does not keep.
     */
    @Bean
    static ProcessEnginePlugin caseHistoryLevel(
            @Value("${app.history.personal-variables:reporterName,reporterPhone}") Set<String> personalVariables,
            @Value("${app.history.working-variables:}") Set<String> workingVariables,
            @Value("${app.history.lookup-decisions:alarm-escalation-chain}") Set<String> lookupDecisions) {
        Set<String> variablesOutOfHistory = new HashSet<>(personalVariables);
        variablesOutOfHistory.addAll(workingVariables);
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setCustomHistoryLevels(List.of(new CaseHistoryLevel(variablesOutOfHistory,
                        lookupDecisions)));
            }
        };
    }
}
