package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The buttons of an open conflict: {@code KEEP_CURRENT} or {@code RESTORE_OTHER}. Kept as text so a
 * tampered form gets the dashboard's 400 page, not a problem body.
 */
@Serdeable
record ConflictForm(@Nullable String resolution) {
}
