package nl.welkom.casefile;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.welkom.auth.Municipality;

/** The municipalities a household can move to, read-only. */
@JdbcRepository(dialect = Dialect.ANSI)
interface Municipalities extends GenericRepository<Municipality, String> {
    Optional<Municipality> findById(String id);

    Optional<Municipality> findBySlug(String slug);

    List<Municipality> listOrderByName();
}
