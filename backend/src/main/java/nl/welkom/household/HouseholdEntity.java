package nl.welkom.household;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.journey.JourneyStage;

/**
 * A household row. {@code version} counts edits of the household record; {@code changeSeq} is the
 * {@link ChangeSequence} value of the last write, by which phones pull.
 *
 * @param languages language codes, best first, comma-separated
 */
@MappedEntity("household")
public record HouseholdEntity(
        @Id String id,
        String municipalityId,
        String reference,
        String displayName,
        @Nullable String nationality,
        @Nullable String campOfOrigin,
        ArrivalPath arrivalPath,
        JourneyStage stage,
        String languages,
        long version,
        long changeSeq,
        long createdAt) {

    /** The wire form, with the household's members. */
    public Household asModel(List<Member> members) {
        return new Household(id, municipalityId, reference, displayName, nationality, campOfOrigin, arrivalPath,
                stage, LanguageList.parse(languages), List.copyOf(members), version);
    }
}
