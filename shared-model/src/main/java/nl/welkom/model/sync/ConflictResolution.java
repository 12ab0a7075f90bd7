package nl.welkom.model.sync;

/** How an officer resolves a conflict ({@code POST /api/conflicts/{id}/resolve} with {@code {"resolution": "..."}}). */
public enum ConflictResolution {
    /** The current (last-arrived) value stays. */
    KEEP_CURRENT,
    /** The overwritten value is written back as a new edit, which reaches every phone. */
    RESTORE_OTHER
}
