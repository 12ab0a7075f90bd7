package nl.welkom.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.household.Member;

/**
 * A member of a household; {@code sortOrder} keeps the order the household was registered in.
 * {@code birthDate} and {@code nationality} are the officer's (V7) and have no wire form; when the
 * date of birth is known, {@code birthYear} is its year.
 *
 * @param birthDate   ISO date of birth when known, or null
 * @param nationality ISO 3166 alpha-2 code when it differs from the household's, or null
 */
@MappedEntity("member")
public record MemberEntity(
        @Id String id,
        String householdId,
        String displayName,
        @Nullable Integer birthYear,
        String languages,
        int sortOrder,
        @Nullable String birthDate,
        @Nullable String nationality) {

    public Member asModel() {
        return new Member(id, displayName, birthYear, LanguageList.parse(languages));
    }
}
