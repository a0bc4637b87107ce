package org.linli.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * How people log in with a browser, for any {@code SecurityFilterChain} that serves pages (resident portal,
 * dashboard, webapps). One call per chain: {@code browserLogin.apply(http, form -> form.loginPage(...))}.
 * In the zero-setup run it is form login against the engine's identity service (the customizer shapes the
 * form); under profile {@code keycloak} it is OpenID Connect login at Keycloak (the form customizer is not
 * used) with single logout: logging out of one chain ends the Keycloak session too.
 */
public interface BrowserLogin {

    HttpSecurity apply(HttpSecurity http, Customizer<FormLoginConfigurer<HttpSecurity>> formLogin) throws Exception;

    /** True when logins go to Keycloak (single sign-on), false for the engine's own users. */
    boolean singleSignOn();

    /**
     * Login for a chain of its own under {@code base} whose page talks JSON (the resident portal): the engine's users
     * posting a form to {@code base + "/login"}, or, under {@code keycloak}, OpenID Connect started at
     * {@link #startPath} with Keycloak calling back under {@code base} too. Either way the chain decides what a
     * login leads to ({@code success}, {@code failure}).
     */
    HttpSecurity applyUnder(String base, HttpSecurity http, AuthenticationSuccessHandler success,
            AuthenticationFailureHandler failure) throws Exception;

    /** Where a browser starts logging in under {@code base}: null when it posts a form instead. */
    String startPath(String base);

    /**
     * Where the browser goes after the chain's own logout to end the single sign-on session as well (a Keycloak
     * URL returning to {@code returnTo}); null when there is no such session.
     */
    String endSessionUrl(HttpServletRequest request, Authentication authentication, String returnTo);
}
