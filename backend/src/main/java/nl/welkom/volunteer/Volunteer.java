package nl.welkom.volunteer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A volunteer of the family-friend programme (table {@code volunteer}). Personal data of the
 * volunteer, never of a household. The column formats are in docs/volunteers.md.
 *
 * @param postcode      {@code 1234AB} or null
 * @param prefers       comma list of {@link Preference} names; empty = no preference
 * @param gender        {@link Gender} name
 * @param vogDate       ISO date of the certificate of conduct, null until received
 * @param userId        the BUDDY account, made the first time the volunteer became ACTIVE
 */
@MappedEntity("volunteer")
public record Volunteer(
        @Id String id,
        String municipalityId,
        String firstName,
        String lastName,
        String email,
        String phone,
        @Nullable String postcode,
        int hoursPerWeek,
        String interests,
        String prefers,
        String gender,
        int maxHouseholds,
        VolunteerState state,
        @Nullable String vogDate,
        @Nullable String userId,
        long createdAt,
        long updatedAt) {

    /** Whom the volunteer would like to support; empty = no preference. */
    public java.util.List<String> preferences() {
        return prefers.isEmpty() ? java.util.List.of() : java.util.List.of(prefers.split(","));
    }

    /** "Amira H.": the name a buddy account shows. */
    public String shortName() {
        return firstName + (lastName.isEmpty() ? "" : " " + lastName.charAt(0) + ".");
    }

    /** Whom a volunteer would like to support. */
    public enum Preference { FAMILY, SINGLE_PARENT, YOUNG_PEOPLE, WOMAN, MAN }

    /** The volunteer's gender as they gave it (a household may ask for a woman). */
    public enum Gender { WOMAN, MAN, OTHER, UNSAID }

    /** How well a volunteer speaks a language. */
    public enum Level { BASIC, GOOD, FLUENT, NATIVE }
}
