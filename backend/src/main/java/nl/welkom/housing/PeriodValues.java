package nl.welkom.housing;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;

/**
 * A quota period as an officer entered it, checked field by field ({@link #check}).
 *
 * @param targetPersons the number of persons the municipality must house
 */
record PeriodValues(String label, LocalDate startsOn, LocalDate endsOn, int targetPersons) {
    static final int LABEL_MAX = 20;
    static final int TARGET_MAX = 100_000;

    /**
     * Checks the fields as text (from JSON or a form).
     *
     * @throws InvalidInput naming each wrong field
     */
    static PeriodValues check(@Nullable String label, @Nullable String startsOn, @Nullable String endsOn,
                              @Nullable String targetPersons) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String cleanLabel = label == null ? "" : label.trim();
        if (cleanLabel.isEmpty()) {
            errors.add("label", "housing.error.required");
        } else if (cleanLabel.length() > LABEL_MAX) {
            errors.add("label", "housing.error.tooLong", LABEL_MAX);
        }
        LocalDate start = Checks.date(errors, "startsOn", startsOn, true);
        LocalDate end = Checks.date(errors, "endsOn", endsOn, true);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("endsOn", "housing.error.period.order");
        }
        Integer target = Checks.wholeNumber(errors, "targetPersons", targetPersons, 1, TARGET_MAX, true,
                "housing.error.target");
        errors.throwIfAny();
        return new PeriodValues(cleanLabel, start, end, target);
    }

    boolean overlaps(QuotaPeriod other) {
        return !startsOn.isAfter(other.end()) && !other.start().isAfter(endsOn);
    }
}
