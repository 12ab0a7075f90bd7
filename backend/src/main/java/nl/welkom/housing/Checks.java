package nl.welkom.housing;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;

/** Field checks shared by housing's forms; each adds at most one error per field. */
final class Checks {
    private Checks() {
    }

    /** An ISO date between 2000 and 2100; null when absent and allowed, or wrong. */
    @Nullable
    static LocalDate date(InvalidInput.Collector errors, String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "housing.error.required");
            }
            return null;
        }
        LocalDate date = Dates.parseOrNull(value);
        if (date == null) {
            errors.add(field, "housing.error.date");
            return null;
        }
        if (!Dates.sane(date)) {
            errors.add(field, "housing.error.dateRange");
            return null;
        }
        return date;
    }

    /** A whole number in {@code [min, max]}; null when absent and allowed, or wrong. */
    @Nullable
    static Integer wholeNumber(InvalidInput.Collector errors, String field, @Nullable String value, int min, int max,
                               boolean required, String key) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, key, min, max);
            }
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, key, min, max);
        return null;
    }

    /** Trimmed text of at most {@code max} characters; null when absent and allowed, or wrong. */
    @Nullable
    static String text(InvalidInput.Collector errors, String field, @Nullable String value, int max, boolean required) {
        String clean = value == null ? "" : value.trim();
        if (clean.isEmpty()) {
            if (required) {
                errors.add(field, "housing.error.required");
            }
            return null;
        }
        if (clean.length() > max) {
            errors.add(field, "housing.error.tooLong", max);
            return null;
        }
        return clean;
    }
}
