package nl.welkom.auth;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import nl.welkom.model.auth.Role;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AppUserRepository extends CrudRepository<AppUser, String> {
    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<AppUser> findByMunicipalityIdAndRoleOrderByDisplayName(String municipalityId, Role role);

    List<AppUser> findByMunicipalityIdOrderByDisplayName(String municipalityId);

    List<AppUser> findByRoleOrderByDisplayName(Role role);

    /** Deactivates the account; 0 when it was inactive already. */
    @Query("UPDATE app_user SET active = FALSE, deactivated_at = :deactivatedAt WHERE id = :id AND active = TRUE")
    int deactivate(String id, long deactivatedAt);

    /** Reactivates the account; 0 when it was active already. */
    @Query("UPDATE app_user SET active = TRUE, deactivated_at = NULL WHERE id = :id AND active = FALSE")
    int reactivate(String id);

    @Query("UPDATE app_user SET password_hash = :passwordHash WHERE id = :id")
    int updatePasswordHash(String id, String passwordHash);
}
