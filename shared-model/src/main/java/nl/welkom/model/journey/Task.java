package nl.welkom.model.journey;

import java.util.Map;

/**
 * A task in a household's journey.
 *
 * @param id          task id (UUID)
 * @param householdId household the task belongs to
 * @param stage       journey stage the task belongs to
 * @param titles      title per language code; always contains {@code nl}
 * @param assignee    who does it
 * @param dueDate     ISO-8601 date, or null when there is no deadline
 * @param status      open or done
 * @param completedAt ISO-8601 instant the task was marked done, or null
 * @param note        the household's own note on the task, or null
 * @param version     server version of this task; an edit names the version it was based on
 * @param noteByRole  who wrote the note: {@code NEWCOMER} (the family's phone), {@code BUDDY} or
 *                    {@code OFFICER}; null when there is no note or it predates authors
 * @param noteByName  the display name of the officer or family friend who wrote it; null for the family
 * @param noteAt      ISO-8601 instant the note was written, or null
 */
public record Task(
        String id,
        String householdId,
        JourneyStage stage,
        Map<String, String> titles,
        TaskAssignee assignee,
        String dueDate,
        TaskStatus status,
        String completedAt,
        String note,
        long version,
        String noteByRole,
        String noteByName,
        String noteAt) {
}
