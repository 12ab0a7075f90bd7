package nl.welkom.journey;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.journey.TaskStatus;

/**
 * The editable fields of a task, each with its own version (docs/sync.md, "Merging and conflicts").
 * Values travel as text: a status by name, a note as written, a due date as ISO-8601; null is "no
 * value" (no note, no due date). {@link #normalize} makes an empty note or due date null, so that
 * "cleared" compares equal however it was sent.
 */
public enum TaskField {
    STATUS("status"),
    NOTE("note"),
    DUE_DATE("dueDate");

    /** Longest note, in characters (Unicode code points). */
    public static final int MAX_NOTE_LENGTH = 500;

    private final String wireName;

    TaskField(String wireName) {
        this.wireName = wireName;
    }

    /** The field's name on the wire and in conflict records: {@code status}, {@code note}, {@code dueDate}. */
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

    @Nullable
    String valueOf(TaskEntity task) {
        switch (this) {
            case STATUS:
                return task.status().name();
            case NOTE:
                return task.note();
            default:
                return task.dueDate();
        }
    }

    long versionOf(TaskEntity task) {
        switch (this) {
            case STATUS:
                return task.statusVersion();
            case NOTE:
                return task.noteVersion();
            default:
                return task.dueVersion();
        }
    }

    /** The stored form of a value: an empty or blank note or due date is no value (null). */
    @Nullable
    String normalize(@Nullable String value) {
        if (this == STATUS || value == null) {
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
     * OPEN or DONE; a note at most {@value #MAX_NOTE_LENGTH} characters without control characters
     * other than line breaks and tabs; a due date an ISO-8601 date ({@code 2026-03-16}).
     */
    public Optional<String> refusal(@Nullable String value) {
        switch (this) {
            case STATUS:
                if (value == null || !(value.equals(TaskStatus.OPEN.name()) || value.equals(TaskStatus.DONE.name()))) {
                    return Optional.of("status must be OPEN or DONE.");
                }
                return Optional.empty();
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
                if (value == null || value.trim().isEmpty()) {
                    return Optional.empty();
                }
                try {
                    LocalDate.parse(value.trim());
                    return Optional.empty();
                } catch (DateTimeParseException e) {
                    return Optional.of("dueDate must be an ISO-8601 date such as 2026-03-16.");
                }
        }
    }
}
