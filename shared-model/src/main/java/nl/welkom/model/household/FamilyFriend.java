package nl.welkom.model.household;

import java.util.List;

/**
 * The family friend a household is matched with, as the family's phone shows it: their first name
 * and the languages they speak — nothing more (docs/sync.md, "Family friends").
 *
 * @param firstName the volunteer's first name
 * @param languages language codes they speak, best first
 */
public record FamilyFriend(String firstName, List<String> languages) {
}
