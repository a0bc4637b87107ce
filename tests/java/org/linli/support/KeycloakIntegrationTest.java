package org.linli.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application under profile {@code keycloak}: users, groups and logins from the real Keycloak that
 * {@code bin/test} starts once per run ({@code linli.test.keycloak.url}), on a database of its own. All classes
 * carrying it share one Spring context (the second of a run, beside {@link IntegrationTest}'s).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestKeycloak.RequiresKeycloak.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsEngine.class)
@ActiveProfiles({"postgres", "keycloak"})
@ContextConfiguration(initializers = KeycloakInitializer.class)
public @interface KeycloakIntegrationTest {
}
