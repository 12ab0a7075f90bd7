package nl.welkom.model.sync;

/**
 * A same-field edit that overwrote another one (docs/sync.md, "Merging and conflicts"), kept so
 * that no value is silently lost. {@code GET /api/conflicts} lists the open ones of an officer's
 * municipality.
 *
 * @param id           conflict id
 * @param entityType   {@code task}
 * @param entityId     id of the edited record
 * @param householdId  household the record belongs to
 * @param field        the field both edits changed ({@code status}, {@code note}, {@code dueDate})
 * @param currentValue the value that won (arrived last) and is current, or null
 * @param otherValue   the value it overwrote, or null
 * @param createdAt    ISO-8601 instant the conflict was recorded
 * @param resolvedAt   ISO-8601 instant it was resolved, or null while open
 * @param resolution   how it was resolved, or null while open
 */
public record ConflictRecord(
        String id,
        String entityType,
        String entityId,
        String householdId,
        String field,
        String currentValue,
        String otherValue,
        String createdAt,
        String resolvedAt,
        ConflictResolution resolution) {
}
