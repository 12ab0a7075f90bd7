package nl.welkom.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The inburgeringstermijn and its warnings to the day, on fixed dates. */
class TermTest {
    private static final LocalDate PIP_DATE = LocalDate.of(2026, 3, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2029, 3, 1);

    @Test
    void theTermStartsTheDayAfterThePipsDateAndItsLastDayIsThreeYearsAfterThatDate() {
        Term term = Term.of(PIP_DATE, 0, false, LocalDate.of(2026, 3, 10));

        assertEquals(LocalDate.of(2026, 3, 2), term.start());
        assertEquals(DEADLINE, term.baseDeadline());
        assertEquals(DEADLINE, term.deadline());
        assertEquals(35, term.monthsLeft());
        assertEquals(TermStatus.RUNNING, term.status());
    }

    @Test
    void aPipDatedOnTheTwentyNinthOfFebruaryEndsOnTheTwentyEighth() {
        assertEquals(LocalDate.of(2027, 2, 28), Term.of(LocalDate.of(2024, 2, 29), 0, false, PIP_DATE).deadline());
    }

    @Test
    void theFirstWarningStartsSixMonthsBeforeTheDeadlineAndTheSecondThreeMonthsBefore() {
        assertEquals(TermStatus.RUNNING, status(LocalDate.of(2028, 8, 31)));
        assertEquals(TermStatus.DUE_IN_6_MONTHS, status(LocalDate.of(2028, 9, 1)));
        assertEquals(TermStatus.DUE_IN_6_MONTHS, status(LocalDate.of(2028, 11, 30)));
        assertEquals(TermStatus.DUE_IN_3_MONTHS, status(LocalDate.of(2028, 12, 1)));
        assertEquals(TermStatus.DUE_IN_3_MONTHS, status(DEADLINE));
        assertEquals(TermStatus.OVERDUE, status(DEADLINE.plusDays(1)));
    }

    @Test
    void monthsAndDaysLeftCountDownToTheLastDayAndBelowZeroAfterIt() {
        Term sixMonths = Term.of(PIP_DATE, 0, false, LocalDate.of(2028, 9, 1));
        Term lastDay = Term.of(PIP_DATE, 0, false, DEADLINE);
        Term late = Term.of(PIP_DATE, 0, false, DEADLINE.plusDays(10));

        assertEquals(6, sixMonths.monthsLeft());
        assertEquals(181, sixMonths.daysLeft());
        assertEquals(0, lastDay.monthsLeft());
        assertEquals(0, lastDay.daysLeft());
        assertEquals(0, late.monthsLeft());
        assertEquals(-10, late.daysLeft());
    }

    @Test
    void extensionsMoveTheDeadlineAndTheWarningsWithIt() {
        Term extended = Term.of(PIP_DATE, 6 + 3, false, DEADLINE.plusDays(1));

        assertEquals(DEADLINE, extended.baseDeadline());
        assertEquals(LocalDate.of(2029, 12, 1), extended.deadline());
        assertEquals(9, extended.extensionMonths());
        assertEquals(TermStatus.RUNNING, extended.status());
    }

    @Test
    void aFinishedPlanIsNeverWarnedAboutAndADraftHasNoTerm() {
        assertEquals(TermStatus.COMPLETED, Term.of(PIP_DATE, 0, true, DEADLINE.plusYears(1)).status());
        Term draft = Term.of(null, 0, false, PIP_DATE);
        assertEquals(TermStatus.DRAFT, draft.status());
        assertNull(draft.deadline());
        assertNull(draft.start());
    }

    private static TermStatus status(LocalDate today) {
        return Term.of(PIP_DATE, 0, false, today).status();
    }
}
