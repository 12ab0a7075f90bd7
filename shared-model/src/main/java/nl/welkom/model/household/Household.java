package nl.welkom.model.household;

import java.util.List;

import nl.welkom.model.journey.JourneyStage;

/**
 * A resettled household as its municipality, its buddy and its own phone see it.
 *
 * @param id             household id (UUID)
 * @param municipalityId municipality responsible for the household
 * @param reference      pseudonymous case reference ({@code WLK-2026-0003}); never a name
 * @param displayName    how the family chooses to be called ("Family Haile")
 * @param nationality    ISO 3166-1 alpha-2 code of the nationality
 * @param campOfOrigin   camp or city the household was resettled from
 * @param arrivalPath    reception centre or direct
 * @param stage          current journey stage
 * @param languages      languages spoken in the household, best first
 * @param members        household members
 * @param version        server version of the household record
 * @param familyFriend   for the household's own phone: its matched family friend (first name and languages),
 *                       or null when it has none; null for everyone else, who know or are the family friend.
 *                       Absent from servers before family friends: read as none
 */
public record Household(
        String id,
        String municipalityId,
        String reference,
        String displayName,
        String nationality,
        String campOfOrigin,
        ArrivalPath arrivalPath,
        JourneyStage stage,
        List<String> languages,
        List<Member> members,
        long version,
        FamilyFriend familyFriend) {
}
