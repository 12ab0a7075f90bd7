package nl.welkom.journey;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * A task row. {@code version} counts edits; {@code statusVersion}, {@code noteVersion},
 * {@code dueVersion}, {@code titleVersion} and {@code assigneeVersion} are the versions at which that field last changed (0: never since the task was
 * made); {@code changeSeq} is the change-sequence value of the last write. A deleted task stays as
 * a tombstone so phones learn to drop it.
 *
 * @param dueDate     ISO-8601 date or null
 * @param completedAt epoch ms when marked done, or null
 * @param note        the household's own note, or null
 * @param noteByRole  who wrote the note: NEWCOMER (the family's phone), BUDDY or OFFICER; null for none
 * @param noteByName  the display name of the officer or family friend who wrote it; null for the family
 * @param noteAt      epoch ms when the note was written, or null
 * @param titleVersion    the version at which the titles last changed (0: never)
 * @param assigneeVersion the version at which the assignee last changed (0: never)
 * @param templateId  the template the task was made from, or null (dashboard only, not on the wire)
 * @param lessonSlug  the lesson that explains the task, or null (dashboard only, not on the wire)
 */
@MappedEntity("task")
public record TaskEntity(
        @Id String id,
        String householdId,
        JourneyStage stage,
        TaskAssignee assignee,
        @Nullable String dueDate,
        TaskStatus status,
        @Nullable Long completedAt,
        long version,
        long statusVersion,
        long changeSeq,
        boolean deleted,
        int sortOrder,
        long createdAt,
        @Nullable String note,
        long noteVersion,
        long dueVersion,
        @Nullable String noteByRole,
        @Nullable String noteByName,
        @Nullable Long noteAt,
        long titleVersion,
        long assigneeVersion,
        @Nullable String templateId,
        @Nullable String lessonSlug) {

    /** A new, open or done task at version 1 as the demo loader and tests make them. */
    public static TaskEntity created(String id, String householdId, JourneyStage stage, TaskAssignee assignee,
                                     @Nullable String dueDate, TaskStatus status, long now, long seq, int sortOrder) {
        return new TaskEntity(id, householdId, stage, assignee, dueDate, status,
                status == TaskStatus.DONE ? Long.valueOf(now) : null, 1, 1, seq, false, sortOrder, now, null, 0, 0,
                null, null, null, 0, 0, null, null);
    }

    /**
     * A new open task at version 1 made by an officer, by hand or from a template; a note is the
     * officer's ({@code authorName}).
     */
    static TaskEntity made(String householdId, NewTask task, long now, long seq, int sortOrder,
                           @Nullable String authorName) {
        boolean noted = task.note() != null;
        return new TaskEntity(UUID.randomUUID().toString(), householdId, task.stage(), task.assignee(), task.dueDate(),
                TaskStatus.OPEN, null, 1, 1, seq, false, sortOrder, now, task.note(), 0, 0,
                noted ? "OFFICER" : null, noted ? authorName : null, noted ? Long.valueOf(now) : null, 0, 0,
                task.templateId(), task.lessonSlug());
    }

    /** This task as a tombstone: deleted, one version later, stamped with {@code seq}, so phones drop it. */
    TaskEntity deleted(long seq) {
        return new TaskEntity(id, householdId, stage, assignee, dueDate, status, completedAt, version + 1,
                statusVersion, seq, true, sortOrder, createdAt, note, noteVersion, dueVersion, noteByRole, noteByName,
                noteAt, titleVersion, assigneeVersion, templateId, lessonSlug);
    }

    /** The wire form, with the task's titles by language. */
    public Task asModel(Map<String, String> titles) {
        return new Task(id, householdId, stage, Collections.unmodifiableMap(new TreeMap<>(titles)), assignee, dueDate,
                status, completedAt == null ? null : Instant.ofEpochMilli(completedAt).toString(), note, version,
                note == null ? null : noteByRole, note == null ? null : noteByName,
                note == null || noteAt == null ? null : Instant.ofEpochMilli(noteAt).toString());
    }

    /**
     * This task with {@code changes} applied as one new version stamped with {@code seq}: each
     * changed field takes the new version as its field version; marking done sets {@code completedAt}.
     */
    TaskEntity edited(Map<TaskField, String> changes, long now, long seq, String authorRole, @Nullable String authorName) {
        long next = version + 1;
        TaskStatus newStatus = status;
        Long newCompletedAt = completedAt;
        long newStatusVersion = statusVersion;
        if (changes.containsKey(TaskField.STATUS)) {
            newStatus = TaskStatus.valueOf(changes.get(TaskField.STATUS));
            newCompletedAt = newStatus == TaskStatus.DONE ? Long.valueOf(now) : null;
            newStatusVersion = next;
        }
        String newNote = note;
        long newNoteVersion = noteVersion;
        String newNoteByRole = noteByRole;
        String newNoteByName = noteByName;
        Long newNoteAt = noteAt;
        if (changes.containsKey(TaskField.NOTE)) {
            newNote = changes.get(TaskField.NOTE);
            newNoteVersion = next;
            newNoteByRole = newNote == null ? null : authorRole;
            newNoteByName = newNote == null ? null : authorName;
            newNoteAt = newNote == null ? null : Long.valueOf(now);
        }
        String newDueDate = dueDate;
        long newDueVersion = dueVersion;
        if (changes.containsKey(TaskField.DUE_DATE)) {
            newDueDate = changes.get(TaskField.DUE_DATE);
            newDueVersion = next;
        }
        TaskAssignee newAssignee = assignee;
        long newAssigneeVersion = assigneeVersion;
        if (changes.containsKey(TaskField.ASSIGNEE)) {
            newAssignee = TaskAssignee.valueOf(changes.get(TaskField.ASSIGNEE));
            newAssigneeVersion = next;
        }
        // The titles themselves live in task_title (TaskService writes them); the row keeps their version.
        long newTitleVersion = changes.containsKey(TaskField.TITLE) ? next : titleVersion;
        return new TaskEntity(id, householdId, stage, newAssignee, newDueDate, newStatus, newCompletedAt, next,
                newStatusVersion, seq, deleted, sortOrder, createdAt, newNote, newNoteVersion, newDueVersion,
                newNoteByRole, newNoteByName, newNoteAt, newTitleVersion, newAssigneeVersion, templateId, lessonSlug);
    }
}
