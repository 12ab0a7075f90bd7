package nl.welkom.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import nl.welkom.model.Problem;

/**
 * Builds {@code application/problem+json} answers, the only error shape the server sends.
 * A problem's {@code type} is {@value #TYPE_PREFIX} plus a stable slug a client may switch on.
 */
public final class Problems {
    /** Media type of every error response. */
    public static final String MEDIA_TYPE = MediaType.APPLICATION_JSON_PROBLEM;
    static final String TYPE_PREFIX = "https://welkom.example/problems/";
    /**
     * Request attribute the token check sets when the bearer token belongs to a revoked device or a
     * deactivated family friend:
     * such a request is answered {@link #deviceRevoked()} instead of the plain 401.
     */
    public static final String DEVICE_REVOKED_ATTRIBUTE = "welkom.device-revoked";

    private Problems() {
    }

    /** A problem of the given slug; {@code title} and {@code detail} must not contain personal data. */
    public static Problem of(HttpStatus status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status.getCode(), detail);
    }

    /** The response carrying {@code problem}, with its status and media type. */
    public static MutableHttpResponse<Problem> response(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(MEDIA_TYPE)
                .body(problem);
    }

    /**
     * 401 for a phone whose device an officer revoked, or of a family friend whose account ended: the
     * client must wipe its local copy (docs/sync.md).
     */
    static Problem deviceRevoked() {
        return of(HttpStatus.UNAUTHORIZED, "device-revoked", "Device revoked",
                "This phone was signed out by the municipality. Remove its data; a household activates it again with a new code.");
    }

    /** The generic problem for an HTTP status the framework produced (unknown route, bad JSON, …). */
    static Problem forStatus(HttpStatus status, String detail) {
        return of(status, slugOf(status), status.getReason(), detail);
    }

    private static String slugOf(HttpStatus status) {
        switch (status) {
            case BAD_REQUEST:
                return "bad-request";
            case UNAUTHORIZED:
                return "unauthorized";
            case FORBIDDEN:
                return "forbidden";
            case NOT_FOUND:
                return "not-found";
            case METHOD_NOT_ALLOWED:
                return "method-not-allowed";
            case NOT_ACCEPTABLE:
                return "not-acceptable";
            case REQUEST_ENTITY_TOO_LARGE:
                return "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE:
                return "unsupported-media-type";
            default:
                return status.getCode() >= 500 ? "server-error" : "http-" + status.getCode();
        }
    }
}
