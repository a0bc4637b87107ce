package org.linli.security;


import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single sign-on with Keycloak (profile {@code keycloak}): browsers log in with OpenID Connect (authorization code
 * flow with PKCE) and log out of Keycloak too; the APIs take Keycloak bearer tokens (signature, issuer, expiry and
 * audience checked); Tasklist, Cockpit and Admin take the logged-in user through Camunda's
 * {@link ContainerBasedAuthenticationFilter}. The user id is the Keycloak user name; groups come from the realm
 * through {@link KeycloakIdentityPlugin}, so BPMN candidate groups and engine authorizations work unchanged.
 */
@Configuration(proxyBeanMethods = false)
@Profile(KeycloakLogin.PROFILE)
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakLogin {

    static final String PROFILE = "keycloak";
    static final String REGISTRATION = "keycloak";
    static final String USER_NAME = "preferred_username";

    @Bean
    ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
        String browser = keycloak.issuer() + "/protocol/openid-connect";
        String backChannel = keycloak.realmUrl() + "/protocol/openid-connect";
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Keycloak")
                .clientId(keycloak.webClientId())
                .clientSecret(keycloak.webClientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(browser + "/auth")
                .tokenUri(backChannel + "/token")
                .jwkSetUri(backChannel + "/certs")
                .issuerUri(keycloak.issuer())
                .userNameAttributeName(USER_NAME)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/logout"))
                .build());
    }

    @Bean
    JwtDecoder jwtDecoder(KeycloakProperties keycloak) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSetUri(keycloak.realmUrl() + "/protocol/openid-connect/certs").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(keycloak.clockSkew()),
                new JwtIssuerValidator(keycloak.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(keycloak.audience()))));
        return decoder;
    }

    @Bean
    ApiLogin bearerApiLogin(JwtDecoder decoder, IdentityService identityService) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(USER_NAME);
        Converter<Jwt, Collection<GrantedAuthority>> groups =
                jwt -> new ArrayList<>(GroupAuthorities.of(identityService, jwt.getClaimAsString(USER_NAME)));
        converter.setJwtGrantedAuthoritiesConverter(groups);
        return new ApiLogin() {
            @Override
            public void apply(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception {
                http.securityContext(context -> context.securityContextRepository(new SafeMethodSessionContext()))
                        .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthorized));
            }

            @Override
            public String challenge() {
                return "Bearer";
            }
        };
    }

    @Bean
    BrowserLogin oidcBrowserLogin(ClientRegistrationRepository registrations, IdentityService identityService,
            KeycloakProperties keycloak) {
        OidcUserService oidcUsers = new OidcUserService();
        OAuth2UserService<OidcUserRequest, OidcUser> withGroups = request -> {
            OidcUser user = oidcUsers.loadUser(request);
            return new DefaultOidcUser(GroupAuthorities.of(identityService, user.getPreferredUsername()),
                    user.getIdToken(), user.getUserInfo(), USER_NAME);
        };
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedLogoutSuccessHandler(
                registrations);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");
        return new BrowserLogin() {
            @Override
            public HttpSecurity apply(HttpSecurity http, Customizer<FormLoginConfigurer<HttpSecurity>> formLogin)
                    throws Exception {
                return http
                        .oauth2Login(login -> login
                                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                                .userInfoEndpoint(users -> users.oidcUserService(withGroups)))
                        .logout(logout -> logout.logoutSuccessHandler(keycloakLogout));
            }

            @Override
            public boolean singleSignOn() {
                return true;
            }

            @Override
            public HttpSecurity applyUnder(String base, HttpSecurity http, AuthenticationSuccessHandler success,
                    AuthenticationFailureHandler failure) throws Exception {
                // the same client, called back under base: the chain under base handles the whole exchange
                ClientRegistrationRepository scoped = new InMemoryClientRegistrationRepository(ClientRegistration
                        .withClientRegistration(registrations.findByRegistrationId(REGISTRATION))
                        .redirectUri("{baseUrl}" + base + "/login/oauth2/code/{registrationId}").build());
                DefaultOAuth2AuthorizationRequestResolver scopedPkce = new DefaultOAuth2AuthorizationRequestResolver(
                        scoped, base + "/oauth2/authorization");
                scopedPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
                return http.oauth2Login(login -> login.clientRegistrationRepository(scoped).loginPage(base + "/")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(scopedPkce))
                        .redirectionEndpoint(callback -> callback.baseUri(base + "/login/oauth2/code/*"))
                        .userInfoEndpoint(users -> users.oidcUserService(withGroups))
                        .successHandler(success).failureHandler(failure));
            }

            @Override
            public String startPath(String base) {
                return base + "/oauth2/authorization/" + REGISTRATION;
            }

            @Override
            public String endSessionUrl(HttpServletRequest request, Authentication authentication, String returnTo) {
                UriComponentsBuilder url = UriComponentsBuilder.fromUriString(keycloak.issuer()
                        + "/protocol/openid-connect/logout").queryParam("client_id", keycloak.webClientId())
                        .queryParam("post_logout_redirect_uri", ServletUriComponentsBuilder
                                .fromContextPath(request).path(returnTo).toUriString());
                if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                    url.queryParam("id_token_hint", user.getIdToken().getTokenValue());
                }
                return url.encode().toUriString();
            }
        };
    }

    /**
     * Everything else: probes open; Tasklist, Cockpit and Admin for staff only (a resident gets 403 before any
     * Camunda page); the dashboard for anyone logged in (its figures check staff). Logging out of a webapp ends the
     * Keycloak session too.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain webappSecurity(HttpSecurity http, BrowserLogin browserLogin) throws Exception {
        String[] staff = LinliGroups.STAFF.stream().map(SecurityConfiguration::groupAuthority).toArray(String[]::new);
        http.authorizeHttpRequests(requests -> SecurityConfiguration.probes(requests)
                        .requestMatchers(SecurityConfiguration.PATHS.matcher("/camunda/**")).hasAnyAuthority(staff)
                        .requestMatchers(SecurityConfiguration.PATHS.matcher("/dashboard/**")).authenticated()
                        .anyRequest().permitAll())
                // the webapps keep their own CSRF protection (X-XSRF-TOKEN)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        browserLogin.apply(http, Customizer.withDefaults());
        http.logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(
                SecurityConfiguration.PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"),
                SecurityConfiguration.PATHS.matcher(HttpMethod.POST, "/logout"))));
        return http.build();
    }

    /** The webapps' session user is whoever Spring Security logged in (runs after Spring Security's filters). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("webapp-single-sign-on");
        registration.addInitParameter("authentication-provider", SpringSecurityUserProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }
}
