package nl.welkom.journey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;

/**
 * Reads the journey's dashboard forms: every field as typed, each problem as the key of the words
 * that explain it ({@code journey.error.*}), so that a form with a mistake comes back with the values
 * kept and the message beside its field. The rules are the services' own ({@link TaskField},
 * {@link TaskTitles}); this only puts them into words.
 */
final class TaskForms {
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT);

    private TaskForms() {
    }

    /** A form's values and its problems (field → message key), in the order of the form. */
    static final class Checked {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> errors = new LinkedHashMap<>();

        boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The field as typed, trimmed; "" when absent. */
    static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null ? "" : value.strip();
    }

    /** A date as typed ({@code 2027-03-16} from a date field, or {@code 16-03-2027}) as ISO-8601; "" for none. */
    static String isoDate(Map<String, String> form, String field, Checked checked) {
        String typed = text(form, field);
        checked.values.put(field, typed);
        if (typed.isEmpty()) {
            return "";
        }
        LocalDate date;
        try {
            date = LocalDate.parse(typed);
        } catch (DateTimeParseException iso) {
            try {
                date = LocalDate.parse(typed, DUTCH_DATE);
            } catch (DateTimeParseException dutch) {
                checked.errors.put(field, "journey.error.due.format");
                return "";
            }
        }
        if (TaskField.dueDateRefusal(date.toString()).isPresent()) {
            checked.errors.put(field, "journey.error.due.range");
            return "";
        }
        return date.toString();
    }

    /** A title; {@code required} for Dutch. */
    static String title(Map<String, String> form, String field, String lang, boolean required, Checked checked) {
        String typed = text(form, field);
        checked.values.put(field, typed);
        if (typed.isEmpty()) {
            if (required) {
                checked.errors.put(field, "journey.error.titleNl.required");
            }
            return typed;
        }
        Optional<String> refusal = TaskTitles.refusal(lang, typed);
        if (refusal.isPresent()) {
            checked.errors.put(field, typed.codePointCount(0, typed.length()) > TaskTitles.MAX_LENGTH
                    ? "journey.error.title.tooLong" : "journey.error.title.invalid");
        }
        return typed;
    }

    /** A note as typed (line breaks kept); "" for none. */
    static String note(Map<String, String> form, String field, Checked checked) {
        String typed = form.get(field) == null ? "" : form.get(field).strip();
        checked.values.put(field, typed);
        Optional<String> refusal = TaskField.NOTE.refusal(typed);
        if (refusal.isPresent()) {
            checked.errors.put(field, typed.codePointCount(0, typed.length()) > TaskField.MAX_NOTE_LENGTH
                    ? "journey.error.note.tooLong" : "journey.error.note.invalid");
        }
        return typed;
    }

    @Nullable
    static TaskAssignee assignee(Map<String, String> form, String field, Checked checked) {
        String typed = text(form, field);
        checked.values.put(field, typed);
        for (TaskAssignee assignee : TaskAssignee.values()) {
            if (assignee.name().equals(typed)) {
                return assignee;
            }
        }
        checked.errors.put(field, "journey.error.who.required");
        return null;
    }

    @Nullable
    static JourneyStage stage(Map<String, String> form, String field, Checked checked) {
        String typed = text(form, field);
        checked.values.put(field, typed);
        for (JourneyStage stage : JourneyStage.values()) {
            if (stage.name().equals(typed)) {
                return stage;
            }
        }
        checked.errors.put(field, "journey.error.stage.required");
        return null;
    }

    /** A whole number of days from 0 to {@link NationalTemplates#MAX_OFFSET}, or null with an error. */
    @Nullable
    static Integer offset(Map<String, String> form, String field, Checked checked) {
        String typed = text(form, field);
        checked.values.put(field, typed);
        try {
            int days = Integer.parseInt(typed);
            if (days >= 0 && days <= NationalTemplates.MAX_OFFSET) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        checked.errors.put(field, "journey.error.offset.range");
        return null;
    }

    /** The fields of an error summary, in form order, for the template: field id and message key. */
    static List<Map<String, String>> summary(Checked checked) {
        return checked.errors.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
                .toList();
    }
}
