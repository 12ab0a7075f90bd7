package nl.welkom.journey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An edit applied over a change its author had not seen, kept for an officer to review.
 * {@code serverValue} and {@code clientValue} are small JSON objects of field values (enum names
 * and numbers only, no free text).
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
        @Nullable Long resolvedAt) {
}
