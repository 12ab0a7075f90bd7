package nl.welkom.integration;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import io.micronaut.core.annotation.Nullable;

/**
 * A member's inburgeringstermijn on a given day (Wet inburgering 2021, art. 11): three years that
 * start on the day after the date of the first PIP ({@code establishedOn}); the deadline is the last
 * day of those three years, {@code establishedOn} plus three years, moved by the extensions DUO
 * granted. Warnings start six and three months before the deadline; after it, an unfinished plan is
 * overdue. A draft plan (no date) has no term.
 *
 * @param start           the first day of the term, or null for a draft
 * @param baseDeadline    the last day without extensions, or null for a draft
 * @param extensionMonths the months of all extensions together
 * @param deadline        the last day of the term with its extensions, or null for a draft
 * @param monthsLeft      whole months from {@code today} to the deadline; 0 when overdue or a draft
 * @param daysLeft        days from {@code today} to the deadline, negative when overdue; 0 for a draft
 * @param status          what to warn about
 */
public record Term(@Nullable LocalDate start, @Nullable LocalDate baseDeadline, int extensionMonths,
                   @Nullable LocalDate deadline, int monthsLeft, long daysLeft, TermStatus status) {
    /** The length of the term in years (art. 11, first paragraph). */
    public static final int YEARS = 3;
    /** The first warning, months before the deadline. */
    public static final int FIRST_WARNING_MONTHS = 6;
    /** The second warning, months before the deadline. */
    public static final int SECOND_WARNING_MONTHS = 3;

    /**
     * The term of a plan dated {@code establishedOn} (null: a draft), extended by
     * {@code extensionMonths}, as it stands on {@code today}.
     *
     * @param finished whether every component of the plan is done or does not apply
     */
    public static Term of(@Nullable LocalDate establishedOn, int extensionMonths, boolean finished, LocalDate today) {
        if (establishedOn == null) {
            return new Term(null, null, extensionMonths, null, 0, 0, TermStatus.DRAFT);
        }
        LocalDate baseDeadline = establishedOn.plusYears(YEARS);
        LocalDate deadline = baseDeadline.plusMonths(extensionMonths);
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        int monthsLeft = daysLeft < 0 ? 0 : (int) Period.between(today, deadline).toTotalMonths();
        TermStatus status;
        if (finished) {
            status = TermStatus.COMPLETED;
        } else if (today.isAfter(deadline)) {
            status = TermStatus.OVERDUE;
        } else if (!today.isBefore(deadline.minusMonths(SECOND_WARNING_MONTHS))) {
            status = TermStatus.DUE_IN_3_MONTHS;
        } else if (!today.isBefore(deadline.minusMonths(FIRST_WARNING_MONTHS))) {
            status = TermStatus.DUE_IN_6_MONTHS;
        } else {
            status = TermStatus.RUNNING;
        }
        return new Term(establishedOn.plusDays(1), baseDeadline, extensionMonths, deadline, monthsLeft, daysLeft,
                status);
    }
}
