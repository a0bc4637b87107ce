package org.linli.grievance;

import java.util.List;
import java.util.Map;

import org.linli.web.ProblemException;
import org.linli.web.ProblemStatus;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the Open311 endpoints in the shape Open311 clients read, {@code [{"code": 400, "description": "..."}]},
 * with the statuses of the shared table ({@link ProblemStatus}).
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ExceptionHandler {

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<List<Map<String, Object>>> problem(ProblemException e) {
        return error(ProblemStatus.of(e), e.code() + ": " + e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMediaTypeNotSupportedException.class})
    ResponseEntity<List<Map<String, Object>>> badRequest(Exception e) {
        String description = e instanceof MissingServletRequestParameterException missing
                ? "missing parameter " + missing.getParameterName()
                : e instanceof MethodArgumentTypeMismatchException mismatch
                        ? "invalid parameter " + mismatch.getName()
                        : "unsupported content type";
        return error(HttpStatus.BAD_REQUEST, description);
    }

    private static ResponseEntity<List<Map<String, Object>>> error(HttpStatus status, String description) {
        return ResponseEntity.status(status).body(List.of(Map.of("code", status.value(), "description", description)));
    }
}
