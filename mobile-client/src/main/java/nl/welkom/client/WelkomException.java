package nl.welkom.client;

/**
 * A {@link Welkom} operation that needed the server did not succeed. Checked on purpose: on a phone
 * with prepaid data being offline is normal, and every screen that triggers a network operation has
 * to decide what to tell the reader.
 *
 * <p>There are exactly two kinds: {@link WelkomOfflineException} (the server could not be reached or
 * the connection broke; retry later, nothing was lost) and {@link WelkomApiException} (the server
 * answered with a problem). Local data stays consistent in both cases: every step that changes the
 * store is one transaction.
 */
public abstract class WelkomException extends Exception {
    private static final long serialVersionUID = 1L;

    WelkomException(String message, Throwable cause) {
        super(message, cause);
    }
}
