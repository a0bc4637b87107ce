package org.linli.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.linli.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** 400, 401 and 403 from the security filters, in the same problem shape as every other API error. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    /**
     * 401 with the given challenge ({@code Basic realm="linli"}, {@code Bearer}); none for script calls of
     * browser pages ({@code X-Requested-With: XMLHttpRequest}), so that the browser shows no password dialog.
     */
    static AuthenticationEntryPoint unauthorized(ObjectMapper json, String challenge) {
        return (request, response, e) -> {
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            write(json, response, Problems.of(HttpStatus.UNAUTHORIZED, "API-401", "请先登录",
                    "Authentication is required."));
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, Problems.of(HttpStatus.FORBIDDEN, "API-403", "无权操作",
                "You are not allowed to do this."));
    }

    /** A URL the firewall refuses (";", "..", encoded "%" or "/", NUL...): 400 with the firewall's reason. */
    static RequestRejectedHandler rejected(ObjectMapper json) {
        return (request, response, e) -> write(json, response, Problems.of(HttpStatus.BAD_REQUEST, "API-400",
                "请求无效", e.getMessage()));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
