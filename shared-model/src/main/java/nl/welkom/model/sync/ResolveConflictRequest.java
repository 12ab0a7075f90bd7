package nl.welkom.model.sync;

/** Body of {@code POST /api/conflicts/{id}/resolve}. */
public record ResolveConflictRequest(ConflictResolution resolution) {
}
