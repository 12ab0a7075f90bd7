package nl.welkom.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A volunteer buddy matched to a household; active while {@code endedAt} is null.
 *
 * @param endReason why it ended (a {@code nl.welkom.buddy.EndReason} name), null while active or when it ended before V19
 * @param endNote   the officer's optional note on the end, at most 500 characters
 */
@MappedEntity("buddy_match")
public record BuddyMatch(@Id String id, String buddyUserId, String householdId, long startedAt,
                         @Nullable Long endedAt, @Nullable String endReason, @Nullable String endNote) {
}
