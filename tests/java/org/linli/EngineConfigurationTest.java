package org.linli;

import static javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS;
import static javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timers are scheduled with the JDK's DatatypeFactory found by name, not by a class-path search per timer. */
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
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:engine-indexes;DB_CLOSE_DELAY=-1");
        configuration.setProcessEnginePlugins(List.of(EngineConfiguration.missingEngineIndexes()));
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
    void aFactoryNamedOnTheCommandLineWins() {
        System.setProperty(DATATYPEFACTORY_PROPERTY, "org.example.OtherDatatypeFactory");

        EngineConfiguration.namedDatatypeFactory().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OtherDatatypeFactory");
    }
}
