package nl.welkom.housing;

import java.time.LocalDate;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * What housing needs to know of a household: who, how many persons (its registered members), where
 * from, and when it arrives. Read-only; the household feature owns these columns.
 *
 * @param persons         the number of registered members
 * @param expectedArrival ISO date the household is expected in the Netherlands, or null
 * @param arrivedOn       ISO date it arrived, or null
 */
@Introspected
record HouseholdFacts(
        String id,
        String municipalityId,
        String reference,
        String displayName,
        @Nullable String nationality,
        @Nullable String campOfOrigin,
        @Nullable String expectedArrival,
        @Nullable String arrivedOn,
        int persons) {

    /** When the household arrived, else when it is expected; null when neither is known (or unreadable). */
    @Nullable
    LocalDate arrival() {
        LocalDate arrived = Dates.parseOrNull(arrivedOn);
        return arrived != null ? arrived : Dates.parseOrNull(expectedArrival);
    }

    boolean arrived() {
        return Dates.parseOrNull(arrivedOn) != null;
    }
}
