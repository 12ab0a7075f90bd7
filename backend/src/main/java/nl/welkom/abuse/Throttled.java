package nl.welkom.abuse;

import nl.welkom.model.Problem;
import nl.welkom.problem.ProblemException;

/** Too many failed attempts: answered 429 with {@code Retry-After} (API) or the page with status 429 (dashboard). */
public final class Throttled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    Throttled(long retryAfterSeconds) {
        super("throttled", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the next attempt may be made. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whole minutes until then, at least one (for the page). */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds + 59) / 60);
    }

    Problem problem() {
        return new ProblemException(io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                "Too many attempts", "Too many failed attempts; try again after the number of seconds in Retry-After.")
                .problem();
    }
}
