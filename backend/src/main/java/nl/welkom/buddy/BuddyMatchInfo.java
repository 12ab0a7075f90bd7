package nl.welkom.buddy;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.household.BuddyMatch;

/**
 * A buddy match as an officer sees it. Backend-only wire type (officers work online; phones learn of
 * matches through the pull's scope changes).
 *
 * @param id               match id, for {@code POST /api/buddy-matches/{id}/end}
 * @param householdId      the household
 * @param buddyUserId      the family friend
 * @param buddyDisplayName how the family friend is addressed
 * @param startedAt        ISO-8601 instant the match started
 * @param endedAt          ISO-8601 instant it ended, or null while active
 * @param endReason        why it ended ({@link EndReason} name), or null (active, or ended before reasons)
 * @param endNote          the officer's note on the end, or null
 */
@Serdeable
public record BuddyMatchInfo(String id, String householdId, String buddyUserId, String buddyDisplayName,
                             String startedAt, @Nullable String endedAt, @Nullable String endReason,
                             @Nullable String endNote) {

    static BuddyMatchInfo of(BuddyMatch match, String buddyDisplayName) {
        return new BuddyMatchInfo(match.id(), match.householdId(), match.buddyUserId(), buddyDisplayName,
                Instant.ofEpochMilli(match.startedAt()).toString(),
                match.endedAt() == null ? null : Instant.ofEpochMilli(match.endedAt()).toString(),
                match.endReason(), match.endNote());
    }
}
