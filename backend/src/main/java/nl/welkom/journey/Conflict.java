package nl.welkom.journey;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.sync.ConflictRecord;
import nl.welkom.model.sync.ConflictResolution;

/**
 * A same-field edit that overwrote a change its author had not seen, kept for an officer to review
 * (docs/sync.md). The edit that arrived last won: {@code clientValue} is the value it wrote,
 * {@code serverValue} the value it overwrote; both as text, {@code ""} for no value.
 *
 * @param field         {@link TaskField#wireName()} of the field both edits changed
 * @param baseVersion   the version the winning edit was based on
 * @param serverVersion the task's version just before the winning edit
 * @param resolvedBy    the officer who resolved it, or null while open
 * @param actorRole     the role of who made the winning edit (NEWCOMER: the family's phone), or null before V8
 * @param actorName     their display name; null for the family's phone
 * @param otherRole     the role of who wrote the overwritten value, or null when unknown
 * @param otherName     their display name; null for the family's phone or when unknown
 * @param otherAt       when the overwritten value was written (epoch ms), or null when unknown
 */
@MappedEntity("conflict")
record Conflict(
        @Id String id,
        String entityType,
        String entityId,
        String householdId,
        @Nullable String mutationId,
        @Nullable String actorUserId,
        @Nullable String actorDeviceId,
        long baseVersion,
        long serverVersion,
        String serverValue,
        String clientValue,
        long createdAt,
        @Nullable Long resolvedAt,
        String field,
        @Nullable ConflictResolution resolution,
        @Nullable String resolvedBy,
        @Nullable String actorRole,
        @Nullable String actorName,
        @Nullable String otherRole,
        @Nullable String otherName,
        @Nullable Long otherAt) {

    static final String TASK = "task";

    /** The value the winning edit overwrote, as the field takes it (null for no value). */
    @Nullable
    String otherValue() {
        return serverValue.isEmpty() ? null : serverValue;
    }

    TaskField taskField() {
        return TaskField.ofWireName(field);
    }

    /** The wire form. */
    ConflictRecord asModel() {
        return new ConflictRecord(id, entityType, entityId, householdId, field,
                clientValue.isEmpty() ? null : clientValue, otherValue(), Instant.ofEpochMilli(createdAt).toString(),
                resolvedAt == null ? null : Instant.ofEpochMilli(resolvedAt).toString(), resolution);
    }

    /** The wire form with who wrote each side, for the dashboard. */
    ConflictDetail asDetail() {
        return new ConflictDetail(asModel(), actorRole, actorName, otherRole, otherName,
                otherAt == null ? null : Instant.ofEpochMilli(otherAt).toString());
    }
}
