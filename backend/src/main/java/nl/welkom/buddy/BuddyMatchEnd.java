package nl.welkom.buddy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /api/buddy-matches/{id}/end}: {@code {"reason":"FAMILY_SETTLED","note":"…"}}.
 *
 * @param reason an {@link EndReason} name, required
 * @param note   optional, at most 500 characters
 */
@Serdeable
record BuddyMatchEnd(@Nullable String reason, @Nullable String note) {
}
