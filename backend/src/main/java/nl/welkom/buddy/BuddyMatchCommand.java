package nl.welkom.buddy;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/households/{id}/buddy-matches}: {@code {"buddyUserId":"…"}}.
 *
 * @param buddyUserId a family friend (role BUDDY) of the officer's municipality, from {@code GET /api/buddies}
 */
@Serdeable
record BuddyMatchCommand(@NotBlank String buddyUserId) {
}
