package org.linli.portal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.linli.security.EngineAuthenticationFilter;
import org.linli.security.EngineIdentityAuthenticationProvider;
import org.linli.security.GroupAuthorities;
import org.linli.security.LinliGroups;
import org.linli.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's own filter chain: a session with CSRF protection (the page reads the token from a cookie and
 * sends it in a header), members of {@code residents} only on the API, errors as problems (never a login
 * redirect or a Basic prompt). How residents log in is {@link #residentLogin} alone, so that an OIDC login can
 * replace the form login in one place.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String CSRF_COOKIE = "PORTAL-XSRF-TOKEN";
    static final String CSRF_HEADER = "X-PORTAL-XSRF-TOKEN";
    static final String RESIDENT_AUTHORITY = GroupAuthorities.PREFIX
            + LinliGroups.RESIDENTS;

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain portalFilterChain(HttpSecurity http, IdentityService identityService, ObjectMapper json)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookiePath("/portal");
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/portal/api/**").hasAuthority(RESIDENT_AUTHORITY)
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> write(json, response,
                                PortalProblems.problem(HttpStatus.UNAUTHORIZED, "PTL-401", "请先登录",
                                        "Log in to use the portal.")))
                        .accessDeniedHandler((request, response, e) -> write(json, response,
                                PortalProblems.problem(HttpStatus.FORBIDDEN, "PTL-403", "无法完成操作",
                                        "Not allowed, or the page is out of date: reload it and try again."))))
                .logout(logout -> logout.logoutUrl("/portal/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        residentLogin(http, identityService, json);
        return http.build();
    }

    /**
     * Form login against the engine's users (the same accounts as the application API). Answers 204 or a
     * problem, for the page's script; staff accounts are refused here, so the portal stays for residents.
     */
    static void residentLogin(HttpSecurity http, IdentityService identityService, ObjectMapper json) throws Exception {
        http.authenticationProvider(new EngineIdentityAuthenticationProvider(identityService))
                .formLogin(form -> form.loginPage("/portal/").loginProcessingUrl("/portal/login")
                        .successHandler((request, response, authentication) -> {
                            if (isResident(authentication)) {
                                response.setStatus(HttpStatus.NO_CONTENT.value());
                                return;
                            }
                            request.getSession().invalidate();
                            org.springframework.security.core.context.SecurityContextHolder.clearContext();
                            write(json, response, PortalProblems.problem(HttpStatus.FORBIDDEN, "PTL-004",
                                    "门户仅供居民使用", "Staff use Tasklist; the portal is for residents."));
                        })
                        .failureHandler((request, response, e) -> write(json, response,
                                PortalProblems.problem(HttpStatus.UNAUTHORIZED, "PTL-005", "用户名或密码不正确",
                                        "Wrong user name or password.")))
                        .permitAll());
    }

    private static boolean isResident(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> RESIDENT_AUTHORITY.equals(a.getAuthority()));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Loads the (deferred) CSRF token on every request, so that its cookie reaches the page before it posts. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
