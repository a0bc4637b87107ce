package org.linli.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the keycloak-profile application at this run's Keycloak, its own database and case index (its cases must
 * not show up in the shared context's searches). It has no MQTT client: as a second member of the shared
 * subscription it would take half the device events the alarm tests publish, into its own database.
 */
public class KeycloakInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.url("keycloak"),
                "spring.datasource.username=" + TestDatabase.user(),
                "spring.datasource.password=",
                "app.alarm.mqtt.enabled=false",
                "app.tracking.alias=" + System.getProperty("app.tracking.alias", "linli-test") + "-keycloak",
                "app.keycloak.url=" + TestKeycloak.url(),
                // an expired token is refused at once, not after the production grace of 30 s
                "app.keycloak.clock-skew=0s").applyTo(context.getEnvironment());
    }
}
