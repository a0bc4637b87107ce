package org.linli.web;

/**
 * A business failure a client can act on. It carries a stable code (e.g. {@code BD-003}, listed in
 * docs/problems.md) and a detail meant for people; {@link ApiExceptionHandler} decides the HTTP status
 * from the subclass.
 */
public abstract class ProblemException extends RuntimeException {

    private final String code;
    private final String title;

    protected ProblemException(String code, String title, String detail) {
        super(detail);
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The request names something that does not exist. */
    public static class NotFound extends ProblemException {
        public NotFound(String code, String title, String detail) {
            super(code, title, detail);
        }
    }

    /** The request is well-formed but its content is invalid (bad id-card number, unknown grid...). */
    public static class Invalid extends ProblemException {
        public Invalid(String code, String title, String detail) {
            super(code, title, detail);
        }
    }

    /** The request conflicts with the current state (duplicate, already closed...). */
    public static class Conflict extends ProblemException {
        public Conflict(String code, String title, String detail) {
            super(code, title, detail);
        }
    }

    /** The caller may not do this to this object. */
    public static class Forbidden extends ProblemException {
        public Forbidden(String code, String title, String detail) {
            super(code, title, detail);
        }
    }

    /** The request carries more than is accepted (an upload over its size limit). */
    public static class TooLarge extends ProblemException {
        public TooLarge(String code, String title, String detail) {
            super(code, title, detail);
        }
    }

    /** A service the request needs (the search index...) does not answer now; retrying later may work. */
    public static class Unavailable extends ProblemException {
        public Unavailable(String code, String title, String detail) {
            super(code, title, detail);
        }
    }
}
