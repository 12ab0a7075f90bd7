package nl.welkom.journey;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import nl.welkom.model.journey.TaskStatus;

/**
 * Body of {@code PUT /api/tasks/{id}/status}: {@code {"status":"DONE","baseVersion":3}}.
 *
 * @param baseVersion the task version the officer saw when deciding
 */
@Serdeable
record TaskStatusCommand(@NotNull TaskStatus status, @NotNull Long baseVersion) {
}
