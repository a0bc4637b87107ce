package org.linli.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The Camunda webapps keep their own login and CSRF protection; the engine REST API
 * is guarded by Camunda's own authentication filter (it is open by default); the application API under
 * {@code /api} takes HTTP Basic against the engine's identity service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json)
            throws Exception {
        http.securityMatcher("/api/**", "/open311/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/admin/**").hasAuthority(groupAuthority(LinliGroups.ADMINS))
                        .anyRequest().authenticated())
                .authenticationProvider(new EngineIdentityAuthenticationProvider(identityService))
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(json))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    static String groupAuthority(String groupId) {
        return EngineIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + groupId;
    }

    /** Everything else: the webapps, the engine REST API (see below) and the probes. */
    @Bean
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
