package nl.welkom.client.store;

/**
 * The local store failed (disk full, corrupt file, a database written by a newer app version).
 * Unchecked: a screen cannot recover from a broken disk, and store methods are called everywhere.
 */
public final class LocalStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocalStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public LocalStoreException(String message) {
        super(message);
    }
}
