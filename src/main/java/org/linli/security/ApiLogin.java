package org.linli.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How callers of {@code /api}, {@code /open311} and {@code /engine-rest} authenticate: HTTP Basic against the
 * engine's identity service in the zero-setup run, Keycloak bearer tokens under profile {@code keycloak}.
 * Either way each caller's Camunda groups become authorities ({@link GroupAuthorities}).
 */
interface ApiLogin {

    void apply(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception;

    /** The {@code WWW-Authenticate} challenge of a 401. */
    String challenge();
}
