package nl.welkom.volunteer;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An application to become a family friend: the body of {@code POST /api/volunteer-applications} and
 * what the public page's form is read into. Every field may be missing here; {@link VolunteerService#apply}
 * says which are wrong. {@code prefers}: FAMILY, SINGLE_PARENT, YOUNG_PEOPLE, WOMAN, MAN; {@code gender}:
 * WOMAN, MAN, OTHER, UNSAID; {@code languages}: 1 to 6 codes of the languages Welkom offers, each with a level.
 */
@Serdeable
public record VolunteerApplication(
        @Nullable String municipalityId,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String postcode,
        @Nullable Integer hoursPerWeek,
        @Nullable String interests,
        @Nullable List<String> prefers,
        @Nullable String gender,
        @Nullable Integer maxHouseholds,
        @Nullable List<LanguageLine> languages,
        @Nullable Boolean consent) {

    /** One language line: a language code and a level (BASIC, GOOD, FLUENT, NATIVE). */
    @Serdeable
    public record LanguageLine(@Nullable String lang, @Nullable String level) {
    }
}
