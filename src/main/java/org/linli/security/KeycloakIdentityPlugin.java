package org.linli.security;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.extension.keycloak.KeycloakConfiguration;
import org.camunda.bpm.extension.keycloak.KeycloakIdentityProviderFactory;
import org.camunda.bpm.extension.keycloak.KeycloakIdentityProviderSession;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Camunda's users, groups and memberships from the Keycloak realm (profile {@code keycloak}), read-only, through the
 * community plugin configured under {@code plugin.identity.keycloak} (application-keycloak.yml). Group ids are the
 * realm's top-level group paths, so that {@code community-xh01} in Keycloak is {@code community-xh01} in BPMN.
 * <p>
 * A wrong password must be a refused login, never an error: some Keycloak versions (26.7) answer it with a 400 that
 * makes the plugin throw, so {@code checkPassword} answers false on any failure to confirm the password.
 */
@Component
@Profile(KeycloakLogin.PROFILE)
@ConfigurationProperties("plugin.identity.keycloak")
class KeycloakIdentityPlugin extends KeycloakIdentityProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakIdentityPlugin.class);

    private GuardedFactory factory;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        super.preInit(configuration);
        factory = new GuardedFactory(this);
        configuration.setIdentityProviderSessionFactory(factory);
    }

    /** Forgets every cached user, group and membership: the next query asks Keycloak again. */
    @Override
    public void clearCache() {
        super.clearCache();
        if (factory != null) {
            factory.clearCache();
        }
    }

    private static final class GuardedFactory extends KeycloakIdentityProviderFactory {

        GuardedFactory(KeycloakConfiguration configuration) {
            super(configuration, List.of());
        }

        @Override
        public Session openSession() {
            return new KeycloakIdentityProviderSession(keycloakConfiguration, restTemplate, keycloakContextProvider,
                    userQueryCache, groupQueryCache, checkPasswordCache) {
                @Override
                public boolean checkPassword(String userId, String password) {
                    try {
                        return super.checkPassword(userId, password);
                    } catch (IdentityProviderException | RestClientException e) {
                        LOG.warn("Keycloak did not confirm the password of {}: {}", userId, e.getMessage());
                        return false;
                    }
                }
            };
        }
    }
}
