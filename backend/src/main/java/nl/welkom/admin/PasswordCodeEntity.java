package nl.welkom.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A one-time sign-in code, known only by its keyed hash: the first password of a new account, or a
 * new one after a reset.
 *
 * @param createdBy   the administrator's user id
 * @param usedAt      when a password was set with it
 * @param withdrawnAt when a newer code replaced it or the account was deactivated
 */
@MappedEntity("password_code")
record PasswordCodeEntity(
        @Id String id,
        String codeHash,
        String userId,
        String createdBy,
        long createdAt,
        long expiresAt,
        @Nullable Long usedAt,
        @Nullable Long withdrawnAt) {

    boolean usableAt(long now) {
        return usedAt == null && withdrawnAt == null && expiresAt > now;
    }
}
