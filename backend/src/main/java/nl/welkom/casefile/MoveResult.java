package nl.welkom.casefile;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Answer of {@code POST /api/households/{id}/move}.
 *
 * @param reference          the household's reference in the new municipality (a suffix was added when taken)
 * @param endedBuddyMatches  how many active matches with family friends of the old municipality were ended
 * @param movedAt            ISO instant
 */
@Serdeable
public record MoveResult(String moveId, String householdId, String fromMunicipalityId, String toMunicipalityId,
                         String previousReference, String reference, int endedBuddyMatches, String movedAt) {

    static MoveResult of(HouseholdMove move, int endedMatches) {
        return new MoveResult(move.id(), move.householdId(), move.fromMunicipalityId(), move.toMunicipalityId(),
                move.fromReference(), move.toReference(), endedMatches, Instant.ofEpochMilli(move.movedAt()).toString());
    }
}
