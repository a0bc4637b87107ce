package org.linli.security;


import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. The application API ({@code /api}, {@code /open311}) and the engine REST API
 * ({@code /engine-rest}, open by default in Camunda) authenticate every request through {@link ApiLogin}: HTTP
 * Basic against the engine's users, or Keycloak bearer tokens under profile {@code keycloak}. The one exception is
 * Open311's service list, which GeoReport v2 clients read before anyone signs in. Browser pages are guarded by
 * {@link EngineIdentityLogin} or {@link KeycloakLogin}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Matches the whole path, whichever servlet serves it (Jersey serves /engine-rest and /camunda/api). */
    static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiLogin apiLogin, IdentityService identityService,
            ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = ProblemSecurityHandlers.unauthorized(json, apiLogin.challenge());
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/open311/**"),
                        PATHS.matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        // GeoReport v2: 311 clients list the services before anyone signs in; requests stay private
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/open311/v2/services"),
                                PATHS.matcher(HttpMethod.GET, "/open311/v2/services.json")).permitAll()
                        .requestMatchers(PATHS.matcher("/api/admin/**"))
                        .hasAuthority(groupAuthority(LinliGroups.ADMINS))
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        apiLogin.apply(http, unauthorized);
        return http.build();
    }

    static String groupAuthority(String groupId) {
        return GroupAuthorities.PREFIX + groupId;
    }

    /** Health, readiness and metrics are open to probes and scrapers; the other actuator endpoints are not. */
    static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry probes(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        return requests
                .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                .requestMatchers("/actuator/**").denyAll();
    }

    /**
     * Camunda's filter on the engine REST API takes the user Spring Security authenticated above, so engine
     * authorizations apply to every call; an unauthenticated call never reaches it (401 from the API chain).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", SpringSecurityUserProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
