package nl.welkom.client;

import nl.welkom.model.Problem;

/**
 * The server answered, but not with what was asked: an HTTP error status with an
 * {@code application/problem+json} body, or a body this client could not read (for example a
 * Wi-Fi login page answering in place of the server).
 *
 * <p>{@link #problem()} is never null: when the body was not a problem document, a problem with
 * type {@code about:blank} and the HTTP status is synthesized. Problem titles and details are for
 * people and never contain personal data, so they may be shown or logged.
 */
public final class WelkomApiException extends WelkomException {
    private static final long serialVersionUID = 1L;

    /** Problem type suffix the server uses for a revoked device (docs/sync.md, "Scope changes and revocation"). */
    static final String DEVICE_REVOKED = "device-revoked";

    private final int status;
    private final transient Problem problem;
    /** The bearer token a 401 refused; never in the message, never serialized. */
    transient String refusedToken;

    WelkomApiException(int status, Problem problem, Throwable cause) {
        super(message(status, problem), cause);
        this.status = status;
        this.problem = problem;
    }

    /** HTTP status of the answer (200 when a successful answer could not be read). */
    public int status() {
        return status;
    }

    /** The parsed or synthesized problem; never null. */
    public Problem problem() {
        return problem;
    }

    /**
     * True for HTTP 401: the token is unknown, expired or revoked. Unless {@link #isDeviceRevoked()},
     * the local store is left untouched, outbox included; the app should ask for a new activation
     * code (or password). Activating again for the same household keeps and later pushes the outbox.
     */
    public boolean isUnauthorized() {
        return status == 401;
    }

    /**
     * True for HTTP 401 whose problem type ends with {@code device-revoked}: an officer
     * disconnected this phone (a lost or stolen phone), or — on a family friend's phone — the
     * friend's account ended (a volunteer who stopped, an account an administrator deactivated). When a {@link Welkom} operation throws this,
     * the library has already <b>wiped the local store</b> — session, households, tasks, outbox,
     * notices and cursor (language and lessons stay) — if the refused token was still the stored
     * one. Pending edits are gone on purpose: a lost phone must not hand them to whoever holds it.
     */
    public boolean isDeviceRevoked() {
        return status == 401 && problem != null && problem.type() != null
                && problem.type().endsWith(DEVICE_REVOKED);
    }

    private static String message(int status, Problem problem) {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (problem != null && problem.title() != null) {
            sb.append(": ").append(problem.title());
        }
        if (problem != null && problem.detail() != null) {
            sb.append(" (").append(problem.detail()).append(')');
        }
        return sb.toString();
    }
}
