package org.linli.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The only table from exceptions to HTTP statuses (RFC 9457 problem details). Stack traces and engine
 * messages never reach a response.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    static final String VALIDATION_CODE = "API-400";
    static final String FORBIDDEN_CODE = "API-403";
    static final String CONFLICT_CODE = "API-409";
    static final String INTERNAL_CODE = "API-500";

    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e) {
        return problem(ProblemStatus.of(e), e.code(), e.title(), e.getMessage());
    }

    @ExceptionHandler(BadUserRequestException.class)
    ProblemDetail badUserRequest(BadUserRequestException e) {
        LOG.debug("Rejected engine request", e);
        return problem(HttpStatus.BAD_REQUEST, VALIDATION_CODE, "请求无效", "The request was not accepted by the engine.");
    }

    @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN_CODE, "无权操作", "You are not allowed to do this.");
    }

    @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class,
            DuplicateKeyException.class})
    ProblemDetail conflict(RuntimeException e) {
        LOG.debug("Concurrent or duplicate write", e);
        return problem(HttpStatus.CONFLICT, CONFLICT_CODE, "数据已被修改",
                "The data was changed or created by someone else at the same time; reload and try again.");
    }

    /** {@code @Min}, {@code @NotBlank}... on request parameters and path variables. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, VALIDATION_CODE, "输入有误",
                "Some parameters are missing or invalid.");
        body.setProperty("errors", e.getConstraintViolations().stream()
                .map(violation -> Map.of("field", lastNode(violation.getPropertyPath()),
                        "message", String.valueOf(violation.getMessage())))
                .toList());
        return body;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail internal(Exception e) {
        if (isDataException(e)) {
            LOG.debug("PostgreSQL refused a value", e);
            return problem(HttpStatus.BAD_REQUEST, VALIDATION_CODE, "输入有误",
                    "A value cannot be stored as given (e.g. text with a NUL character, a number out of range).");
        }
        LOG.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_CODE, "系统错误",
                "An unexpected error occurred. It has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, VALIDATION_CODE, "输入有误",
                "Some fields are missing or invalid.");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    /** A multipart request over {@code spring.servlet.multipart.max-*}: refused before any feature reads it. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "API-413", "上传内容太大", "The upload is larger than the server accepts."));
    }

    /** Framework-level errors (unreadable JSON, wrong method...) keep their status and get our shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ProblemDetail problem = problem(status, "API-" + status.value(), status.getReasonPhrase(),
                status.is5xxServerError() ? "An unexpected error occurred." : "The request could not be processed: "
                        + status.getReasonPhrase() + ".");
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    /** SQLSTATE class 22, "data exception": the value itself is bad (found by MalformedInputFaultIT: a NUL byte). */
    private static boolean isDataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        return Problems.of(status, code, title, detail);
    }
}
