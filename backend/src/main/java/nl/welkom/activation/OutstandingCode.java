package nl.welkom.activation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An activation code that can still activate a phone: unused, not withdrawn, not expired. The code
 * itself is not known (only its keyed hash is stored).
 *
 * @param id          code id, for withdrawing it
 * @param householdId the household it activates a phone for
 * @param createdAt   ISO-8601 instant it was made
 * @param expiresAt   ISO-8601 instant it expires
 * @param createdBy   the display name of the officer who made it, or null when unknown
 */
@Serdeable
public record OutstandingCode(String id, String householdId, String createdAt, String expiresAt,
                              @Nullable String createdBy) {
}
