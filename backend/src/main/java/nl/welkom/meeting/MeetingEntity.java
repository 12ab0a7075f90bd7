package nl.welkom.meeting;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.buddy.Meeting;

/**
 * A meeting row (V20): a family friend met a household on {@code metOn} (ISO date). {@code taskIds}
 * is a comma-separated list (empty: none); {@code changeSeq} is the change-sequence value of the write.
 */
@MappedEntity("meeting")
public record MeetingEntity(
        @Id String id,
        String householdId,
        String buddyUserId,
        String metOn,
        String what,
        String taskIds,
        @Nullable String note,
        long loggedAt,
        long changeSeq) {

    /** The task ids as a list. */
    public List<String> taskIdList() {
        return taskIds.isEmpty() ? List.of() : Arrays.asList(taskIds.split(","));
    }

    /** The wire form. */
    public Meeting asModel() {
        return new Meeting(id, householdId, metOn, what, taskIdList(), note, Instant.ofEpochMilli(loggedAt).toString());
    }
}
