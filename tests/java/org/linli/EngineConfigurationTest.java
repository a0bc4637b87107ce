package org.linli;

import static javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS;
import static javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine wiring of {@link EngineConfiguration}: each part against a real in-memory engine. */
class EngineConfigurationTest {

    private final String given = System.getProperty(DATATYPEFACTORY_PROPERTY);

    @AfterEach
    void restore() {
        if (given == null) {
            System.clearProperty(DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DATATYPEFACTORY_PROPERTY, given);
        }
    }

    @Test
    void theEngineNamesTheJdksDatatypeFactory() throws Exception {
        System.clearProperty(DATATYPEFACTORY_PROPERTY);

        EngineConfiguration.namedDatatypeFactory().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DATATYPEFACTORY_PROPERTY)).isEqualTo(DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }

    @Test
    void subtasksAreFoundThroughAnIndexNotByReadingEveryOpenTask() throws Exception {
        ProcessEngineConfigurationImpl configuration = inMemory("engine-indexes",
                EngineConfiguration.missingEngineIndexes());
        ProcessEngine engine = configuration.buildProcessEngine();
        try (Connection connection = configuration.getDataSource().getConnection();
                ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, "ACT_RU_TASK", false, false)) {
            List<String> columns = new ArrayList<>();
            while (indexes.next()) {
                if ("LINLI_IDX_TASK_PARENT".equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    columns.add(indexes.getString("COLUMN_NAME"));
                }
            }
            assertThat(columns).containsExactly("PARENT_TASK_ID_");
            // a second start finds it there
            EngineConfiguration.missingEngineIndexes().postProcessEngineBuild(engine);
        } finally {
            engine.close();
        }
    }

    @Test
    void anEntityWithAReservedIdIsStillRefusedWithTheEnginesOwnMessage() {
        ProcessEngineConfigurationImpl configuration = inMemory("entity-ids",
                EngineConfiguration.leanerEngineSessions());
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            TaskEntity task = new TaskEntity();
            task.setId(Authorization.ANY);

            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired()
                    .execute(context -> {
                        context.getDbEntityManager().insert(task);
                        return null;
                    }))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("has an invalid id")
                    .hasMessageContaining("cannot be *");
            assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
        } finally {
            engine.close();
        }
    }

    @Test
    void aDeploymentsDecisionIsLookedUpOnceAMinuteNotAtEveryEvaluation() {
        AtomicLong nanos = new AtomicLong();
        DeployedDecisionLookups lookups = new DeployedDecisionLookups(nanos::get);
        ProcessEngineConfigurationImpl configuration = inMemory("decision-lookups", new AbstractProcessEnginePlugin() {
            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                configuration.getSessionFactories().put(lookups.getSessionType(), lookups);
            }
        });
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            String deployment = engine.getRepositoryService().createDeployment()
                    .addClasspathResource("dmn/alarm-severity.dmn").deploy().getId();
            assertThat(historyTimeToLive(configuration, deployment)).isEqualTo(365);

            // a history time to live changed through the API reaches lookups once the remembered answer is a minute old
            engine.getRepositoryService().updateDecisionDefinitionHistoryTimeToLive(engine.getRepositoryService()
                    .createDecisionDefinitionQuery().deploymentId(deployment).decisionDefinitionKey("alarm-severity")
                    .singleResult().getId(), 30);
            nanos.addAndGet(DeployedDecisionLookups.FRESH_FOR.toNanos() - 1);
            assertThat(historyTimeToLive(configuration, deployment)).isEqualTo(365);
            nanos.addAndGet(1);
            assertThat(historyTimeToLive(configuration, deployment)).isEqualTo(30);

            assertThat(lookup(configuration, "no-such-deployment")).isNull();
        } finally {
            engine.close();
        }
    }

    private static Integer historyTimeToLive(ProcessEngineConfigurationImpl configuration, String deployment) {
        return lookup(configuration, deployment).getHistoryTimeToLive();
    }

    private static DecisionDefinitionEntity lookup(ProcessEngineConfigurationImpl configuration, String deployment) {
        return configuration.getCommandExecutorTxRequired().execute(context -> context.getDecisionDefinitionManager()
                .findDecisionDefinitionByDeploymentAndKey(deployment, "alarm-severity"));
    }

    /** A plain in-memory engine of its own name and database, with {@code plugin}. */
    static ProcessEngineConfigurationImpl inMemory(String name, ProcessEnginePlugin plugin) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName(name);
        configuration.setProcessEnginePlugins(List.of(plugin));
        return configuration;
    }

    @Test
    void aFactoryNamedOnTheCommandLineWins() {
        System.setProperty(DATATYPEFACTORY_PROPERTY, "org.example.OtherDatatypeFactory");

        EngineConfiguration.namedDatatypeFactory().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OtherDatatypeFactory");
    }
}
