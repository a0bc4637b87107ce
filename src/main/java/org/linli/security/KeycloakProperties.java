package org.linli.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is (profile {@code keycloak}). The app talks to {@code url} (token endpoint, signing keys); browsers
 * are sent to {@code publicUrl}, which is also the issuer of every token. They differ when the app reaches Keycloak
 * over an internal network (docker/compose.yaml), else they are the same.
 *
 * @param url Keycloak as the app reaches it
 * @param publicUrl Keycloak as browsers reach it; tokens carry {@code <publicUrl>/realms/<realm>} as issuer
 * @param realm the realm of Linli's users
 * @param webClientId the confidential client of browser logins (webapps, portal, dashboard)
 * @param webClientSecret its secret
 * @param audience the audience every accepted bearer token must name (the realm's audience mapper adds it)
 * @param clockSkew how far token expiry may lag behind this server's clock
 */
@ConfigurationProperties("app.keycloak")
record KeycloakProperties(String url, String publicUrl, String realm, String webClientId, String webClientSecret,
        String audience, Duration clockSkew) {

    String realmUrl() {
        return url + "/realms/" + realm;
    }

    String issuer() {
        return publicUrl + "/realms/" + realm;
    }
}
