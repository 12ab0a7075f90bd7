package nl.welkom.housing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The quota's rules on a fixed today, at the edges of each window (docs/housing.md, "Rules"). */
class QuotaRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 15);
    private final QuotaRules rules = new QuotaRules(28, 42);

    @Test
    void fourteenOfTwentyTwoPersonsIsSixtyFourPercentRoundedHalfUp() {
        assertEquals(64, QuotaRules.percent(14, 22));
        assertEquals(38, QuotaRules.percent(3, 8));
        assertEquals(0, QuotaRules.percent(0, 22));
        assertEquals(125, QuotaRules.percent(10, 8));
    }

    @Test
    void aHouseholdCountsAsHousedFromItsMoveInDayAndOnlyWhenItMovedInByThePeriodsEnd() {
        LocalDate end = LocalDate.of(2027, 6, 30);

        assertTrue(rules.housed(accepted("2027-03-15"), end, TODAY), "moving in today counts");
        assertFalse(rules.housed(accepted("2027-03-16"), end, TODAY), "moving in tomorrow does not count yet");
        assertFalse(rules.housed(accepted(null), end, TODAY), "an accepted offer without a move-in date");
        assertFalse(rules.housed(accepted("2027-03-01"), LocalDate.of(2027, 2, 28), TODAY),
                "moved in after the period ended");
        assertFalse(rules.housed(null, end, TODAY));
    }

    @Test
    void aHouseholdWithoutAnAcceptedOfferIsLateFromFourWeeksBeforeItsArrival() {
        assertTrue(rules.late(household("h", 3, null, "2027-04-12"), null, TODAY), "expected in exactly 28 days");
        assertFalse(rules.late(household("h", 3, null, "2027-04-13"), null, TODAY), "expected in 29 days");
        assertTrue(rules.late(household("h", 3, "2026-12-01", null), null, TODAY), "arrived months ago");
        assertFalse(rules.late(household("h", 3, "2026-12-01", null), accepted("2027-04-01"), TODAY),
                "an accepted offer is enough, even before moving in");
        assertFalse(rules.late(household("h", 3, null, null), null, TODAY), "no date known");
    }

    @Test
    void aPeriodUnderTargetIsBehindInItsLastSixWeeksAndNotAfterItEnded() {
        assertTrue(rules.behind(LocalDate.of(2027, 4, 26), 5, 10, TODAY), "ends in exactly 42 days");
        assertFalse(rules.behind(LocalDate.of(2027, 4, 27), 5, 10, TODAY), "ends in 43 days");
        assertTrue(rules.behind(TODAY, 5, 10, TODAY), "ends today");
        assertFalse(rules.behind(TODAY.minusDays(1), 5, 10, TODAY), "ended yesterday");
        assertFalse(rules.behind(LocalDate.of(2027, 4, 1), 10, 10, TODAY), "target reached");
    }

    @Test
    void aPeriodsStateCountsPersonsAndHouseholdsLinkedAndHoused() {
        QuotaPeriod period = new QuotaPeriod("p", "m", "2027-1", "2027-01-01", "2027-06-30", 8, 0, 0);
        HouseholdFacts housed = household("a", 3, "2027-01-10", null);
        HouseholdFacts late = household("b", 2, null, "2027-03-25");
        HouseholdFacts later = household("c", 4, null, "2027-06-01");

        PeriodState state = rules.state(period, List.of(housed, late, later),
                Map.of("a", accepted("2027-02-01")), TODAY);

        assertEquals(3, state.linkedHouseholds());
        assertEquals(9, state.linkedPersons());
        assertEquals(1, state.housedHouseholds());
        assertEquals(3, state.housedPersons());
        assertEquals(38, state.fillPercent());
        assertEquals(PeriodState.Phase.CURRENT, state.phase());
        assertFalse(state.behind(), "ends in more than six weeks");
        assertEquals(List.of(false, true, false), state.households().stream().map(PeriodState.Linked::late).toList());
    }

    private static HousingOffer accepted(String moveIn) {
        return new HousingOffer("o", "h", "Dobbestraat", "14", "8012 BT", "Zwolle", "2027-01-01", 4,
                OfferStatus.ACCEPTED, null, null, moveIn, 0, "u", 0, "u");
    }

    private static HouseholdFacts household(String id, int persons, String arrivedOn, String expected) {
        return new HouseholdFacts(id, "m", "R-" + id, "Familie " + id, "ER", "Shimelba", expected, arrivedOn, persons);
    }
}
