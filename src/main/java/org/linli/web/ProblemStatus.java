package org.linli.web;

import org.springframework.http.HttpStatus;

/** The one table from problem kinds to HTTP statuses, shared by every error format this API speaks. */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static HttpStatus of(ProblemException e) {
        if (e instanceof ProblemException.NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ProblemException.Conflict) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof ProblemException.Forbidden) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof ProblemException.TooLarge) {
            return HttpStatus.PAYLOAD_TOO_LARGE;
        }
        if (e instanceof ProblemException.Unavailable) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
