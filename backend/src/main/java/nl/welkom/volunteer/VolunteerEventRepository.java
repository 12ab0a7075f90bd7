package nl.welkom.volunteer;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface VolunteerEventRepository extends CrudRepository<VolunteerEvent, String> {
    List<VolunteerEvent> findByVolunteerIdOrderByAtAsc(String volunteerId);
}
