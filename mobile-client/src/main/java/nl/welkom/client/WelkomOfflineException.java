package nl.welkom.client;

import java.io.IOException;

/**
 * The server could not be reached, or the connection broke before a complete answer arrived
 * (no network, DNS failure, timeout, connection reset mid-body).
 *
 * <p>Contract: whatever was not confirmed by a complete server answer is still in the local store
 * (the outbox keeps unconfirmed edits, the sync cursor stays at the last applied page). The caller
 * may simply retry later; scheduling and back-off are the caller's business (WorkManager on a phone).
 */
public final class WelkomOfflineException extends WelkomException {
    private static final long serialVersionUID = 1L;

    WelkomOfflineException(String message, IOException cause) {
        super(message, cause);
    }
}
