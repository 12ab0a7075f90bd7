package nl.welkom.model.household;

import java.util.List;

/**
 * A member of a household.
 *
 * @param id          member id (UUID)
 * @param displayName how the member chooses to be called
 * @param birthYear   year of birth, or null
 * @param languages   language codes the member speaks, best first
 */
public record Member(String id, String displayName, Integer birthYear, List<String> languages) {
}
