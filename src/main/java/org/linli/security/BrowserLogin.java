package org.linli.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;

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
}
