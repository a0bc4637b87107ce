package org.linli.security;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The zero-setup run: users and groups in the engine's own tables (demo users), HTTP Basic on the APIs, form
 * login for browser pages, and the Camunda webapps with their own login page.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + KeycloakLogin.PROFILE)
class EngineIdentityLogin {

    @Bean
    ApiLogin basicApiLogin(IdentityService identityService) {
        return new ApiLogin() {
            @Override
            public void apply(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception {
                http.authenticationProvider(new EngineIdentityAuthenticationProvider(identityService))
                        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
            }

            @Override
            public String challenge() {
                return "Basic realm=\"linli\"";
            }
        };
    }

    @Bean
    BrowserLogin formBrowserLogin(IdentityService identityService) {
        return new BrowserLogin() {
            @Override
            public HttpSecurity apply(HttpSecurity http, Customizer<FormLoginConfigurer<HttpSecurity>> formLogin)
                    throws Exception {
                return http.authenticationProvider(new EngineIdentityAuthenticationProvider(identityService))
                        .formLogin(formLogin);
            }

            @Override
            public boolean singleSignOn() {
                return false;
            }

            @Override
            public HttpSecurity applyUnder(String base, HttpSecurity http, AuthenticationSuccessHandler success,
                    AuthenticationFailureHandler failure) throws Exception {
                return apply(http, form -> form.loginPage(base + "/").loginProcessingUrl(base + "/login")
                        .successHandler(success).failureHandler(failure).permitAll());
            }

            @Override
            public String startPath(String base) {
                return null;
            }

            @Override
            public String endSessionUrl(HttpServletRequest request, Authentication authentication, String returnTo) {
                return null;
            }
        };
    }

    /** Everything else: the webapps keep their own login and CSRF protection; probes are open. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> SecurityConfiguration.probes(requests).anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
