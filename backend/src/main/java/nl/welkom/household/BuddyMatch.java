package nl.welkom.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A volunteer buddy matched to a household; active while {@code endedAt} is null. */
@MappedEntity("buddy_match")
public record BuddyMatch(@Id String id, String buddyUserId, String householdId, long startedAt,
                         @Nullable Long endedAt) {
}
