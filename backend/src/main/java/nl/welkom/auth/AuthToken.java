package nl.welkom.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A bearer token, known only by its keyed hash. Exactly one of {@code userId} and
 * {@code deviceId} is set.
 */
@MappedEntity("auth_token")
record AuthToken(
        @Id String tokenHash,
        @Nullable String userId,
        @Nullable String deviceId,
        long createdAt,
        long expiresAt,
        @Nullable Long revokedAt) {
}
