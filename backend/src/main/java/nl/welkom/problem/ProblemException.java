package nl.welkom.problem;

import io.micronaut.http.HttpStatus;
import nl.welkom.model.Problem;

/**
 * Ends a request with a problem answer. Thrown by services and controllers for expected
 * failures (out of scope, invalid input, a spent code); inside a transaction it rolls it back.
 * Carries no stack trace: it is an answer, not a fault.
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(slug, null, false, false);
        this.problem = Problems.of(status, slug, title, detail);
    }

    /** 404: the record does not exist or lies outside the caller's scope; we do not say which. */
    public static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                "No such record for this caller.");
    }

    /** 400 with the generic bad-request type and a detail that names the offending field. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request", detail);
    }

    public Problem problem() {
        return problem;
    }
}
