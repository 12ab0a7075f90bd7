package nl.welkom.casefile;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/**
 * The trace of a household that moved to another municipality (V13 {@code household_move}): ids
 * and references only, kept for both sides.
 */
@MappedEntity("household_move")
record HouseholdMove(
        @Id String id,
        String householdId,
        String fromMunicipalityId,
        String toMunicipalityId,
        String fromReference,
        String toReference,
        long movedAt,
        String movedBy) {

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Repository extends CrudRepository<HouseholdMove, String> {
    }
}
