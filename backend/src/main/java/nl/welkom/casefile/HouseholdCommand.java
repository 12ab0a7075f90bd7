package nl.welkom.casefile;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /api/households} and {@code PUT /api/households/{id}/details}: the household as
 * the officer records it. Values are checked by {@link CaseFileRules}; enum values by name
 * (case-insensitive), dates as ISO ({@code 2026-12-04}) or Dutch ({@code 04-12-2026}).
 *
 * @param reference         pseudonymous case reference; on create optional (one is generated)
 * @param displayName       how the family wants to be called (required)
 * @param nationality       ISO 3166 alpha-2 code, or null
 * @param campOfOrigin      camp or city the household comes from, or null
 * @param selectionRoute    {@code DOSSIER} or {@code SELECTION_MISSION}, or null
 * @param expectedArrival   date expected in the Netherlands, or null
 * @param arrivedOn         date it arrived, or null
 * @param arrivalPath       {@code RECEPTION_CENTRE} or {@code DIRECT} (required)
 * @param receptionLocation where it stays first, or null
 * @param stage             journey stage; on create optional ({@code SELECTED})
 * @param languages         language codes of the {@code language} table, best first (at least one)
 * @param version           on update: the version the officer saw; a newer one answers 409. Optional
 * @param members           on create only: the members, in order
 */
@Serdeable
public record HouseholdCommand(
        @Nullable String reference,
        @Nullable String displayName,
        @Nullable String nationality,
        @Nullable String campOfOrigin,
        @Nullable String selectionRoute,
        @Nullable String expectedArrival,
        @Nullable String arrivedOn,
        @Nullable String arrivalPath,
        @Nullable String receptionLocation,
        @Nullable String stage,
        @Nullable List<String> languages,
        @Nullable Long version,
        @Nullable List<MemberCommand> members) {
}
