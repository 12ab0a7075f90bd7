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
 * A household row. {@code version} counts edits of the household record (its members included,
 * since they travel inside it); {@code changeSeq} is the {@link ChangeSequence} value of the last
 * write, by which phones pull. The last four fields are what an officer records besides (V7); they
 * have no wire form: {@link #asModel} leaves them out, so no buddy or phone ever receives them.
 *
 * @param languages        language codes, best first, comma-separated
 * @param selectionRoute   dossier or selection mission, or null when not recorded
 * @param expectedArrival  ISO date the household is expected in the Netherlands, or null
 * @param arrivedOn        ISO date it arrived, or null
 * @param receptionLocation where it stays first (a COA location), or null
 * @param erasedAt         when the household was erased (a blank tombstone, docs/gdpr.md), or null
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
        long createdAt,
        @Nullable SelectionRoute selectionRoute,
        @Nullable String expectedArrival,
        @Nullable String arrivedOn,
        @Nullable String receptionLocation,
        @Nullable Long erasedAt) {

    /** The wire form, with the household's members. */
    public Household asModel(List<Member> members) {
        return new Household(id, municipalityId, reference, displayName, nationality, campOfOrigin, arrivalPath,
                stage, LanguageList.parse(languages), List.copyOf(members), version, null);
    }

    /**
     * This household as written by an edit that took {@code seq}: the next version. Used when the
     * record itself or one of its members changed, so that every phone holding it pulls it again.
     */
    public HouseholdEntity nextVersion(long seq) {
        return new HouseholdEntity(id, municipalityId, reference, displayName, nationality, campOfOrigin, arrivalPath,
                stage, languages, version + 1, seq, createdAt, selectionRoute, expectedArrival, arrivedOn,
                receptionLocation, erasedAt);
    }

    /** This household in another municipality, under {@code newReference}, written with {@code seq}. */
    public HouseholdEntity movedTo(String newMunicipalityId, String newReference, long seq) {
        return new HouseholdEntity(id, newMunicipalityId, newReference, displayName, nationality, campOfOrigin,
                arrivalPath, stage, languages, version + 1, seq, createdAt, selectionRoute, expectedArrival, arrivedOn,
                receptionLocation, erasedAt);
    }
}
