package nl.welkom.journey;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;

/**
 * Body of {@code POST /api/households/{id}/tasks}:
 * {@code {"titles":{"nl":"Afspraak bij de huisarts","en":"Appointment with the GP"},"assignee":"FAMILY","dueDate":"2026-12-20"}}.
 *
 * @param stage    the journey stage, or null for the household's current stage
 * @param assignee who does it
 * @param titles   title per language; {@code nl} required, at most 200 characters each
 * @param dueDate  ISO-8601 date from 2000-01-01 to 2100-12-31, or null for none
 * @param note     a first note (at most 500 characters), or null
 */
@Serdeable
record TaskCreateCommand(@Nullable JourneyStage stage, @Nullable TaskAssignee assignee,
                         @Nullable Map<String, String> titles, @Nullable String dueDate, @Nullable String note) {
}
