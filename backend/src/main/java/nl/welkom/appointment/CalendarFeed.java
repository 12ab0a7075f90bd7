package nl.welkom.appointment;

import java.util.Optional;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** A staff member's calendar feed (V14 {@code calendar_feed}): the secret token only as its HMAC. */
@MappedEntity("calendar_feed")
record CalendarFeed(@Id String userId, String tokenHash, long createdAt) {

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Repository extends CrudRepository<CalendarFeed, String> {
        Optional<CalendarFeed> findByTokenHash(String tokenHash);
    }
}
