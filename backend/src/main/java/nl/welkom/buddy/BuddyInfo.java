package nl.welkom.buddy;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.auth.AppUser;
import nl.welkom.household.LanguageList;

/**
 * A family friend as an officer picks one for a match ({@code GET /api/buddies}). Backend-only wire
 * type: only the dashboard and officer tools use it, never the phone.
 *
 * @param id          user id, for {@link BuddyMatchCommand#buddyUserId()}
 * @param displayName how the volunteer is addressed
 * @param languages   language codes the volunteer speaks, best first
 */
@Serdeable
public record BuddyInfo(String id, String displayName, List<String> languages) {

    static BuddyInfo of(AppUser user) {
        return new BuddyInfo(user.id(), user.displayName(), LanguageList.parse(user.languages()));
    }
}
