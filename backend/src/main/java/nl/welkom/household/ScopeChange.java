package nl.welkom.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A household entering or leaving a subject's scope (docs/sync.md, "Scope changes"): a change of its
 * own, with the {@link ChangeSequence} value it was written with, so that it reaches the subject's
 * phone by pull like any other change. Exactly one subject is set: a person (a buddy) or a device.
 *
 * @param seq     the change sequence taken by the write; also the row's id
 * @param entered true when the household entered the scope, false when it left
 */
@MappedEntity("scope_change")
public record ScopeChange(
        @Id long seq,
        @Nullable String subjectUserId,
        @Nullable String subjectDeviceId,
        String householdId,
        boolean entered,
        long createdAt) {

    /** A buddy's scope gained or lost a household. */
    public static ScopeChange ofUser(long seq, String userId, String householdId, boolean entered, long now) {
        return new ScopeChange(seq, userId, null, householdId, entered, now);
    }
}
