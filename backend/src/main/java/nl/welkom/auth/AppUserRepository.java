package nl.welkom.auth;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import nl.welkom.model.auth.Role;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AppUserRepository extends CrudRepository<AppUser, String> {
    Optional<AppUser> findByUsername(String username);

    List<AppUser> findByMunicipalityIdAndRoleOrderByDisplayName(String municipalityId, Role role);
}
