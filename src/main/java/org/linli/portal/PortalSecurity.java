package org.linli.portal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.linli.security.BrowserLogin;
import org.linli.security.EngineAuthenticationFilter;
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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's own filter chain: a session with CSRF protection (the page reads the token from a cookie and
 * sends it in a header), members of {@code residents} only on the API, errors as problems (never a login
 * redirect or a Basic prompt). How residents log in is {@link #residentLogin} alone: a form, or Keycloak's single
 * sign-on under profile {@code keycloak}.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String CSRF_COOKIE = "PORTAL-XSRF-TOKEN";
    static final String CSRF_HEADER = "X-PORTAL-XSRF-TOKEN";
    static final String RESIDENT_AUTHORITY = GroupAuthorities.PREFIX
            + LinliGroups.RESIDENTS;

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain portalFilterChain(HttpSecurity http, IdentityService identityService, BrowserLogin login,
            ObjectMapper json) throws Exception {
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
                        .logoutSuccessHandler((request, response, authentication) -> {
                            String endSession = login.endSessionUrl(request, authentication, "/portal/");
                            if (endSession == null) {
                                response.setStatus(HttpStatus.NO_CONTENT.value());
                            } else {
                                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                                json.writeValue(response.getOutputStream(), Map.of("endSession", endSession));
                            }
                        }))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        residentLogin(http, login, json);
        return http.build();
    }

    /**
     * How residents log in: a form posted by the page (the engine's users), answered with 204 or a problem; or,
     * under {@code keycloak}, single sign-on at Keycloak, which comes back to the page. Staff accounts are refused
     * either way: the portal is for residents.
     */
    static void residentLogin(HttpSecurity http, BrowserLogin login, ObjectMapper json) throws Exception {
        if (login.singleSignOn()) {
            login.applyUnder("/portal", http, (request, response, authentication) -> response.sendRedirect(
                    request.getContextPath() + (admitted(request, authentication) ? "/portal/"
                            : "/portal/#/login?refused=staff")), (request, response, e) -> response.sendRedirect(request.getContextPath()
                    + "/portal/#/login?refused=sso"));
            return;
        }
        login.applyUnder("/portal", http, (request, response, authentication) -> {
            if (admitted(request, authentication)) {
                response.setStatus(HttpStatus.NO_CONTENT.value());
                return;
            }
            write(json, response, PortalProblems.problem(HttpStatus.FORBIDDEN, "PTL-004", "门户仅供居民使用",
                    "Staff use Tasklist; the portal is for residents."));
        }, (request, response, e) -> write(json, response, PortalProblems.problem(HttpStatus.UNAUTHORIZED,
                "PTL-005", "用户名或密码不正确", "Wrong user name or password.")));
    }

    /** A resident stays logged in; anyone else is logged out again at once (the portal is for residents). */
    private static boolean admitted(HttpServletRequest request, Authentication authentication) {
        if (isResident(authentication)) {
            return true;
        }
        request.getSession().invalidate();
        SecurityContextHolder.clearContext();
        return false;
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
