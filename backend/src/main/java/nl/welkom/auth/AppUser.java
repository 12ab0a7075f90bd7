package nl.welkom.auth;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.auth.Role;

/**
 * A person who signs in with a password: officer, editor, buddy or admin.
 *
 * @param passwordHash   bcrypt hash; never leaves the backend
 * @param municipalityId null only for {@link Role#ADMIN}
 * @param languages      language codes, best first, comma-separated
 * @param active         false once an administrator deactivated the account: it cannot sign in
 * @param deactivatedAt  when it was deactivated (epoch ms), null while active
 */
@MappedEntity("app_user")
public record AppUser(
        @Id String id,
        String username,
        String passwordHash,
        Role role,
        @Nullable String municipalityId,
        String displayName,
        String languages,
        long createdAt,
        boolean active,
        @Nullable Long deactivatedAt) {

    @Creator
    public AppUser {
    }

    /** A new, active account. */
    public AppUser(String id, String username, String passwordHash, Role role, @Nullable String municipalityId,
                   String displayName, String languages, long createdAt) {
        this(id, username, passwordHash, role, municipalityId, displayName, languages, createdAt, true, null);
    }
}
