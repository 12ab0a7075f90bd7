package nl.welkom.journey;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * The editable fields of a task, each with its own version (docs/sync.md, "Merging and conflicts").
 * Values travel as text: a status or an assignee by name, a note as written, a due date as ISO-8601,
 * the titles as {@link TaskTitles} lines; null is "no value" (no note, no due date). {@link #wanted}
 * turns what an edit sends into the value the field gets, so that "cleared" compares equal however
 * it was sent and a title edit that names some languages keeps the others.
 */
public enum TaskField {
    STATUS("status"),
    NOTE("note"),
    DUE_DATE("dueDate"),
    TITLE("title"),
    ASSIGNEE("assignee");

    /** Longest note, in characters (Unicode code points). */
    public static final int MAX_NOTE_LENGTH = 500;
    /** The earliest due date a task may have. */
    public static final LocalDate EARLIEST_DUE = LocalDate.of(2000, 1, 1);
    /** The latest due date a task may have. */
    public static final LocalDate LATEST_DUE = LocalDate.of(2100, 12, 31);
    /** Why a due date outside {@link #EARLIEST_DUE}..{@link #LATEST_DUE} is refused (API, sync, dashboard). */
    public static final String DUE_OUT_OF_RANGE = "dueDate must lie between 2000-01-01 and 2100-12-31.";

    private final String wireName;

    TaskField(String wireName) {
        this.wireName = wireName;
    }

    /** The field's name on the wire and in conflict records: {@code status}, {@code note}, {@code dueDate}, {@code title}, {@code assignee}. */
    public String wireName() {
        return wireName;
    }

    /** The field of a conflict row; unknown names (never written) read as status, the only V1 field. */
    static TaskField ofWireName(String name) {
        for (TaskField field : values()) {
            if (field.wireName.equals(name)) {
                return field;
            }
        }
        return STATUS;
    }

    /** The field's value on {@code task}, whose titles are {@code titles} (read only for {@link #TITLE}). */
    @Nullable
    String valueOf(TaskEntity task, Map<String, String> titles) {
        switch (this) {
            case STATUS:
                return task.status().name();
            case NOTE:
                return task.note();
            case DUE_DATE:
                return task.dueDate();
            case TITLE:
                return TaskTitles.encode(titles);
            default:
                return task.assignee().name();
        }
    }

    long versionOf(TaskEntity task) {
        switch (this) {
            case STATUS:
                return task.statusVersion();
            case NOTE:
                return task.noteVersion();
            case DUE_DATE:
                return task.dueVersion();
            case TITLE:
                return task.titleVersion();
            default:
                return task.assigneeVersion();
        }
    }

    /**
     * The value the field gets when an edit sends {@code given} while it holds {@code current}: an
     * empty or blank note or due date is no value (null); a title edit is merged into the titles
     * ({@link TaskTitles#merged}).
     */
    @Nullable
    String wanted(@Nullable String current, @Nullable String given) {
        if (this == TITLE) {
            return TaskTitles.encode(TaskTitles.merged(TaskTitles.decode(current), TaskTitles.decode(given)));
        }
        return normalize(given);
    }

    /** The stored form of a value: an empty or blank note or due date is no value (null). */
    @Nullable
    String normalize(@Nullable String value) {
        if (this == STATUS || this == ASSIGNEE || this == TITLE || value == null) {
            return value;
        }
        if (value.trim().isEmpty()) {
            return null;
        }
        if (this == DUE_DATE) {
            try {
                return LocalDate.parse(value.trim()).toString();
            } catch (DateTimeParseException e) {
                return value.trim();
            }
        }
        return value;
    }

    /**
     * Why {@code value} may not be written to this field, or empty when it may. A status must be
     * OPEN or DONE, an assignee FAMILY, OFFICER or BUDDY; a note at most {@value #MAX_NOTE_LENGTH}
     * characters without control characters other than line breaks and tabs; a due date an ISO-8601
     * date ({@code 2026-03-16}) from 2000-01-01 to 2100-12-31; titles as {@link TaskTitles#refusal} says.
     */
    public Optional<String> refusal(@Nullable String value) {
        switch (this) {
            case STATUS:
                if (value == null || !(value.equals(TaskStatus.OPEN.name()) || value.equals(TaskStatus.DONE.name()))) {
                    return Optional.of("status must be OPEN or DONE.");
                }
                return Optional.empty();
            case ASSIGNEE:
                for (TaskAssignee assignee : TaskAssignee.values()) {
                    if (assignee.name().equals(value)) {
                        return Optional.empty();
                    }
                }
                return Optional.of("assignee must be FAMILY, OFFICER or BUDDY.");
            case TITLE:
                return TaskTitles.refusal(value);
            case NOTE:
                if (value == null) {
                    return Optional.empty();
                }
                if (value.codePointCount(0, value.length()) > MAX_NOTE_LENGTH) {
                    return Optional.of("note is longer than " + MAX_NOTE_LENGTH + " characters.");
                }
                if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                    return Optional.of("note contains control characters.");
                }
                return Optional.empty();
            default:
                return dueDateRefusal(value);
        }
    }

    /** Why a due date may not be set, or empty when it may (blank clears it). */
    public static Optional<String> dueDateRefusal(@Nullable String value) {
        if (value == null || value.trim().isEmpty()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return Optional.of("dueDate must be an ISO-8601 date such as 2026-03-16.");
        }
        if (date.isBefore(EARLIEST_DUE) || date.isAfter(LATEST_DUE)) {
            return Optional.of(DUE_OUT_OF_RANGE);
        }
        return Optional.empty();
    }
}
