package nl.welkom.volunteer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One step in a volunteer's history: the application ({@code fromState} null) or a transition, who and when. */
@MappedEntity("volunteer_event")
public record VolunteerEvent(@Id String id, String volunteerId, @Nullable VolunteerState fromState,
                             VolunteerState toState, long at, @Nullable String byUserId, @Nullable String note) {
}
