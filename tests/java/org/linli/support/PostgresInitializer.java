package org.linli.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at this run's throw-away PostgreSQL database and private MQTT broker. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.url(),
                "spring.datasource.username=" + TestDatabase.user(),
                "spring.datasource.password=",
                "app.alarm.mqtt.url=" + TestBroker.url(),
                "app.alarm.mqtt.client-id=linli-it-" + ProcessHandle.current().pid()).applyTo(context.getEnvironment());
    }
}
