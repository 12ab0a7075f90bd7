package nl.welkom.dashboard;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * A task as the household page shows it.
 * Public, like its nested records, only because the template engine reads it by reflection.
 *
 * @param id        task id, also the row's anchor ({@code #task-<id>})
 * @param stage     journey stage the task belongs to
 * @param title     title in the dashboard's language, else Dutch
 * @param assignee  who does it
 * @param due       due date for display, or null
 * @param overdue   open and due before today
 * @param done      whether it is done
 * @param completed when it was marked done, for display, or null
 * @param note      the note, or null
 * @param noteBy    who wrote the note as the page says it: the officer's or family friend's name, or
 *                  null for the family (the page says "the family"), or when the note predates authors
 * @param noteByFamily whether the family wrote it on their phone
 * @param noteAt    when the note was written, for display, or null
 * @param version   the version the page shows; the status form sends it back as base version
 */
public record TaskRow(
        String id,
        JourneyStage stage,
        Display.Text title,
        TaskAssignee assignee,
        @Nullable String due,
        boolean overdue,
        boolean done,
        @Nullable String completed,
        @Nullable String note,
        @Nullable String noteBy,
        boolean noteByFamily,
        @Nullable String noteAt,
        long version) {

    static TaskRow of(Task task, Display display, LocalDate today) {
        LocalDate due = Display.parseDate(task.dueDate());
        boolean done = task.status() == TaskStatus.DONE;
        return new TaskRow(task.id(), task.stage(), display.title(task.titles()), task.assignee(), display.date(due),
                !done && due != null && due.isBefore(today), done, display.dateTime(task.completedAt()), task.note(),
                task.noteByName(), "NEWCOMER".equals(task.noteByRole()), display.dateTime(task.noteAt()), task.version());
    }
}
