package nl.welkom.journey;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.model.journey.TaskAssignee;

/**
 * Body of {@code POST /api/households/{id}/tasks/from-templates}:
 * {@code {"tasks":[{"templateId":"…"},{"templateId":"…","dueDate":"2026-12-20"}]}}.
 *
 * @param tasks the templates to make tasks from, one task each
 */
@Serdeable
public record ApplyTemplatesCommand(@Nullable List<Choice> tasks) {

    /**
     * One template to apply.
     *
     * @param templateId an active template of the officer's municipality
     * @param dueDate    the due date (ISO-8601, 2000-01-01 to 2100-12-31); null for the one its offset
     *                   gives, "" for none
     * @param assignee   who does it, or null for the template's
     */
    @Serdeable
    public record Choice(@Nullable String templateId, @Nullable String dueDate, @Nullable TaskAssignee assignee) {
    }
}
