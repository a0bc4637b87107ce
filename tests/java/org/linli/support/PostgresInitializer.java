package org.linli.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at this run's throw-away PostgreSQL database and private MQTT broker. Each context of the
 * JVM gets its own MQTT client id: two clients with one id take the session from each other in turn.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.url(),
                "spring.datasource.username=" + TestDatabase.user(),
                "spring.datasource.password=",
                "app.alarm.mqtt.url=" + TestBroker.url(),
                "app.alarm.mqtt.client-id=linli-it-" + ProcessHandle.current().pid() + "-"
                        + CONTEXTS.incrementAndGet()).applyTo(context.getEnvironment());
    }
}
