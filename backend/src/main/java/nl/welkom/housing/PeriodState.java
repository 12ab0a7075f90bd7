package nl.welkom.housing;

import java.util.List;

import io.micronaut.core.annotation.Nullable;

/**
 * A quota period as it stands on a given day ({@link QuotaRules#state}).
 *
 * @param households       the linked households in its municipality, by reference
 * @param linkedPersons    persons in the linked households
 * @param housedHouseholds linked households that count as housed
 * @param housedPersons    persons in those
 * @param fillPercent      housed persons of the target, rounded; may exceed 100
 * @param behind           under target and ending within the warning window
 */
record PeriodState(
        QuotaPeriod period,
        List<Linked> households,
        int linkedPersons,
        int housedHouseholds,
        int housedPersons,
        int fillPercent,
        boolean behind,
        Phase phase) {

    int linkedHouseholds() {
        return households.size();
    }

    /** Where today lies relative to the period. */
    enum Phase { PAST, CURRENT, UPCOMING }

    /**
     * A linked household.
     *
     * @param accepted its accepted offer, or null
     * @param housed   counts as housed for the period
     * @param late     no accepted offer while it has arrived or soon arrives
     */
    record Linked(HouseholdFacts household, @Nullable HousingOffer accepted, boolean housed, boolean late) {
    }
}
