package nl.welkom.journey;

import java.util.EnumMap;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * Body of {@code PATCH /api/tasks/{id}}: {@code {"baseVersion":3,"note":"Tuesday 10:00"}}. A field
 * left out (or null) stays as it is; an empty string clears the note or the due date.
 *
 * @param baseVersion the task version the officer saw when deciding
 * @param status      the new status, or null to leave it
 * @param note        the new note (at most 500 characters), "" to clear it, or null to leave it
 * @param dueDate     the new due date (ISO-8601, 2000-01-01 to 2100-12-31), "" to clear it, or null to leave it
 * @param titles      new titles by language ({@code {"nl":"…","en":"…"}}), or null to leave them: a
 *                    language left out stays while the Dutch title stays, and goes when it changes;
 *                    {@code ""} removes a language (not Dutch)
 * @param assignee    who does it from now on, or null to leave it
 */
@Serdeable
record TaskEditCommand(@NotNull Long baseVersion, @Nullable TaskStatus status, @Nullable String note,
                       @Nullable String dueDate, @Nullable Map<String, String> titles,
                       @Nullable TaskAssignee assignee) {

    /** The fields this command sets, with their values (null: cleared). */
    Map<TaskField, String> values() {
        Map<TaskField, String> values = new EnumMap<>(TaskField.class);
        if (status != null) {
            values.put(TaskField.STATUS, status.name());
        }
        if (note != null) {
            values.put(TaskField.NOTE, note);
        }
        if (dueDate != null) {
            values.put(TaskField.DUE_DATE, dueDate);
        }
        if (titles != null) {
            values.put(TaskField.TITLE, TaskTitles.encode(titles));
        }
        if (assignee != null) {
            values.put(TaskField.ASSIGNEE, assignee.name());
        }
        return values;
    }
}
