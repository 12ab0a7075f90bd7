package nl.welkom.journey;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * A task row. {@code version} counts edits; {@code statusVersion} is the version at which the
 * status last changed; {@code changeSeq} is the change-sequence value of the last write.
 * A deleted task stays as a tombstone so phones learn to drop it.
 *
 * @param dueDate     ISO-8601 date or null
 * @param completedAt epoch ms when marked done, or null
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
        long createdAt) {

    /** The wire form, with the task's titles by language. */
    public Task asModel(Map<String, String> titles) {
        return new Task(id, householdId, stage, Collections.unmodifiableMap(new TreeMap<>(titles)), assignee, dueDate, status,
                completedAt == null ? null : Instant.ofEpochMilli(completedAt).toString(), version);
    }

    /** This task with {@code target} status as a new version stamped with {@code seq}. */
    TaskEntity withStatus(TaskStatus target, long now, long seq) {
        long next = version + 1;
        Long completed = target == TaskStatus.DONE ? Long.valueOf(now) : null;
        return new TaskEntity(id, householdId, stage, assignee, dueDate, target, completed, next, next, seq, deleted,
                sortOrder, createdAt);
    }
}
