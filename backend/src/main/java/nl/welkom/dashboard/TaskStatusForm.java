package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The "mark done" / "open again" button of a task: the wanted status and the task version the page
 * showed. Kept as text so a tampered form gets the dashboard's 400 page, not a problem body.
 */
@Serdeable
record TaskStatusForm(@Nullable String status, @Nullable String version) {
}
