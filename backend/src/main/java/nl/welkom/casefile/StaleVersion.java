package nl.welkom.casefile;

/**
 * An edit based on a version of the household that is no longer current: someone else saved in
 * between. The API answers 409 {@code household-changed}; the form shows the officer's values again
 * with a warning, ready to be saved over the newer version.
 */
final class StaleVersion extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    StaleVersion(long currentVersion) {
        super("stale version", null, false, false);
        this.currentVersion = currentVersion;
    }

    long currentVersion() {
        return currentVersion;
    }
}
