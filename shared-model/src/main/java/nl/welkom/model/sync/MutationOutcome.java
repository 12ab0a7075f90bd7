package nl.welkom.model.sync;

/** What the server did with one pushed mutation. Every outcome is final: the phone drops the mutation from its outbox. */
public enum MutationOutcome {
    /** Applied now. */
    APPLIED,
    /** Applied before (a retry of a mutation id the server already has); not applied again. */
    ALREADY_APPLIED,
    /** Applied on a record that changed since {@code baseVersion}; the server kept a conflict record. */
    APPLIED_WITH_CONFLICT,
    /** Not applied: the record does not exist in the device's scope, or the edit is not allowed. */
    REJECTED
}
