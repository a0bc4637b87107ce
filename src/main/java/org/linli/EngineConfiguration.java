package org.linli;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine wiring that the Camunda starter's defaults get wrong for this project. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

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
     * Indexes the engine's schema lacks for the way Linli uses it, created once after the engine built (or checked)
     * its tables. {@code ACT_RU_TASK.PARENT_TASK_ID_}: the engine looks up subtasks by it whenever it deletes a task
     * (every completion, every cancelled alarm), and without an index each lookup reads all open tasks
     * (camunda/camunda#36824; 0.37 ms per task at a few thousand open alarms, growing with the backlog).
     */
    @Bean
    static ProcessEnginePlugin missingEngineIndexes() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                ProcessEngineConfigurationImpl configuration =
                        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
                String prefix = configuration.getDatabaseTablePrefix();
                try (Connection connection = configuration.getDataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX IF NOT EXISTS LINLI_IDX_TASK_PARENT ON " + prefix
                            + "ACT_RU_TASK (PARENT_TASK_ID_)");
                } catch (SQLException e) {
                    // another node creating it at the same moment; the engine works without it, only slower
                    log.warn("Could not create the index on {}ACT_RU_TASK (PARENT_TASK_ID_): {}", prefix, e.getMessage());
                }
            }
        };
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
