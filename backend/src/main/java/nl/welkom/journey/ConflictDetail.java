package nl.welkom.journey;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.sync.ConflictRecord;

/**
 * An open conflict with who wrote each side, as the household page shows it: the edit that arrived
 * last (its author made the conflict, at {@code record.createdAt}) and the value it overwrote.
 * Roles are {@code NEWCOMER} (the family's phone), {@code BUDDY} or {@code OFFICER}; a name is the
 * officer's or family friend's display name, null for the family's phone.
 *
 * @param record    the conflict as {@code GET /api/conflicts} answers it
 * @param actorRole who made the winning edit, or null for a conflict recorded before V8
 * @param actorName their name, or null
 * @param otherRole who wrote the overwritten value, or null when unknown
 * @param otherName their name, or null
 * @param otherAt   when the overwritten value was written (ISO-8601 instant), or null when unknown
 */
public record ConflictDetail(ConflictRecord record, @Nullable String actorRole, @Nullable String actorName,
                             @Nullable String otherRole, @Nullable String otherName, @Nullable String otherAt) {
}
