package nl.welkom.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.household.Member;

/** A member of a household; {@code sortOrder} keeps the order the household was registered in. */
@MappedEntity("member")
public record MemberEntity(
        @Id String id,
        String householdId,
        String displayName,
        @Nullable Integer birthYear,
        String languages,
        int sortOrder) {

    public Member asModel() {
        return new Member(id, displayName, birthYear, LanguageList.parse(languages));
    }
}
