package nl.welkom.integration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;

/**
 * Input that breaks a rule, field by field: each field with one error code. The API answers it as a
 * 400 problem whose detail names every field ({@link #detail()}); the dashboard shows each error next
 * to its field, worded from the bundle ({@code integration.error.<code>}). Thrown before anything is
 * written, so a refused request changes nothing.
 */
final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** The English wording of each code, for API problem details. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("required", "is required"),
            Map.entry("date", "must be a date written as YYYY-MM-DD"),
            Map.entry("dateRange", "must lie between 2000-01-01 and 2100-12-31"),
            Map.entry("future", "must not lie in the future"),
            Map.entry("beforeStart", "must not lie before the start date"),
            Map.entry("notAfterMeeting", "must lie after the meeting"),
            Map.entry("tooLong", "is too long"),
            Map.entry("unknown", "is not one of the allowed values"),
            Map.entry("unknownComponent", "names a component other than LANGUAGE, KNM, MAP or PVT"),
            Map.entry("mapOnderwijs", "must be NOT_APPLICABLE: the MAP does not apply in the onderwijsroute"),
            Map.entry("notApplicable", "may be NOT_APPLICABLE only for the MAP in the onderwijsroute"),
            Map.entry("startedOnRequired", "needs startedOn when the component is in progress"),
            Map.entry("completedOnRequired", "needs completedOn when the component is done"),
            Map.entry("noDates", "takes no dates when the component has not started or does not apply"),
            Map.entry("completedOnOnlyWhenDone", "takes completedOn only when the component is done"),
            Map.entry("months", "must be a whole number of months from 1 to 36"),
            Map.entry("officer", "must be an integration officer of your municipality"));

    private final transient Map<String, String> errors;

    private InvalidInput(Map<String, String> errors) {
        super("invalid input", null, false, false);
        this.errors = Map.copyOf(errors);
    }

    /** Field → error code, in the order the fields were checked. */
    Map<String, String> errors() {
        return errors;
    }

    /** {@code heldOn: is required; summary: is too long}: every field and what is wrong with it. */
    String detail() {
        return errors.entrySet().stream()
                .map(error -> error.getKey() + ": " + ENGLISH.getOrDefault(error.getValue(), "is not valid"))
                .sorted()
                .collect(Collectors.joining("; "));
    }

    /** Collects the errors of one input, then throws them together. */
    static final class Checks {
        private final Map<String, String> errors = new LinkedHashMap<>();

        void fail(String field, String code) {
            errors.putIfAbsent(field, code);
        }

        boolean failed(String field) {
            return errors.containsKey(field);
        }

        /** @throws InvalidInput when any check failed */
        void throwIfFailed() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }

        /** A trimmed text, null when blank; fails when required and blank, or longer than {@code max}. */
        @Nullable
        String text(String field, @Nullable String raw, int max, boolean required) {
            String value = raw == null ? null : raw.strip();
            if (value == null || value.isEmpty()) {
                if (required) {
                    fail(field, "required");
                }
                return null;
            }
            if (value.length() > max) {
                fail(field, "tooLong");
            }
            return value;
        }

        /** An ISO date from 2000 to 2100, null when blank; fails when required and blank. */
        @Nullable
        LocalDate date(String field, @Nullable String raw, boolean required) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                if (required) {
                    fail(field, "required");
                }
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                fail(field, "date");
                return null;
            }
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                fail(field, "dateRange");
                return null;
            }
            return date;
        }

        /** A date as {@link #date} that must not lie after {@code today}. */
        @Nullable
        LocalDate pastDate(String field, @Nullable String raw, boolean required, LocalDate today) {
            LocalDate date = date(field, raw, required);
            if (date != null && date.isAfter(today)) {
                fail(field, "future");
            }
            return date;
        }

        /** An enum constant by name (case-insensitive), null when blank; fails when required and blank or unknown. */
        @Nullable
        <E extends Enum<E>> E choice(String field, @Nullable String raw, Class<E> type, boolean required) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                if (required) {
                    fail(field, "required");
                }
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fail(field, "unknown");
                return null;
            }
        }
    }
}
