package nl.welkom.report;

import java.time.LocalDate;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.problem.ProblemException;

/**
 * The period filter of the reports page and API ({@code ?period=}). A period applies only to reports
 * that count events ({@link Report#periodic()}); the others show today's situation.
 */
public enum ReportPeriod {
    /** From 1 January of the current year up to today. */
    THIS_YEAR("this-year"),
    /** The current calendar month and the eleven before it. */
    LAST_12_MONTHS("last-12-months"),
    /** Everything recorded. */
    ALL("all");

    /** What the page shows when no period was chosen. */
    public static final ReportPeriod DEFAULT = LAST_12_MONTHS;

    private final String code;

    ReportPeriod(String code) {
        this.code = code;
    }

    /** The value in URLs and JSON: {@code this-year}, {@code last-12-months}, {@code all}. */
    public String code() {
        return code;
    }

    /** The first day counted when today is {@code today}; null for {@link #ALL}. */
    @Nullable
    public LocalDate from(LocalDate today) {
        return switch (this) {
            case THIS_YEAR -> today.withDayOfYear(1);
            case LAST_12_MONTHS -> today.withDayOfMonth(1).minusMonths(11);
            case ALL -> null;
        };
    }

    /**
     * The period named by {@code code}, the default when it is absent or blank.
     *
     * @throws ProblemException 400 naming the accepted values
     */
    public static ReportPeriod parse(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return DEFAULT;
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (ReportPeriod period : values()) {
            if (period.code.equals(wanted)) {
                return period;
            }
        }
        throw ProblemException.badRequest("period must be one of this-year, last-12-months, all");
    }
}
