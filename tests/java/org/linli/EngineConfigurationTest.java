package org.linli;

import static javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS;
import static javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

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
    void aFactoryNamedOnTheCommandLineWins() {
        System.setProperty(DATATYPEFACTORY_PROPERTY, "org.example.OtherDatatypeFactory");

        EngineConfiguration.namedDatatypeFactory().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OtherDatatypeFactory");
    }
}
