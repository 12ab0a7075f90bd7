package nl.welkom.housing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.micronaut.core.annotation.Nullable;

/** ISO dates as housing stores them, and the range it accepts. */
final class Dates {
    /** Earliest date accepted anywhere in housing. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** Latest date accepted anywhere in housing. */
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private Dates() {
    }

    @Nullable
    static LocalDate parseOrNull(@Nullable String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean sane(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
