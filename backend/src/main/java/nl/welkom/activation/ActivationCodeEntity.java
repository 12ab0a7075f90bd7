package nl.welkom.activation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An activation code, known only by its keyed hash.
 *
 * @param createdBy the officer's user id
 * @param deviceId  the device it activated, once used
 * @param withdrawnAt when an officer withdrew it unused (epoch ms), or null
 * @param withdrawnBy the officer who withdrew it, or null
 */
@MappedEntity("activation_code")
record ActivationCodeEntity(
        @Id String id,
        String codeHash,
        String householdId,
        String createdBy,
        long createdAt,
        long expiresAt,
        @Nullable Long usedAt,
        @Nullable String deviceId,
        @Nullable Long withdrawnAt,
        @Nullable String withdrawnBy) {
}
