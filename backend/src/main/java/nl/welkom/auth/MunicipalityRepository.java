package nl.welkom.auth;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface MunicipalityRepository extends CrudRepository<Municipality, String> {
    boolean existsBySlug(String slug);

    Optional<Municipality> findBySlug(String slug);

    List<Municipality> listOrderByName();
}
