package nl.welkom.journey;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface ConflictRepository extends CrudRepository<Conflict, String> {

    /** Open conflicts of the households of a municipality, oldest first. */
    @Query("SELECT c.* FROM conflict c JOIN household h ON h.id = c.household_id"
            + " WHERE h.municipality_id = :municipalityId AND c.resolved_at IS NULL ORDER BY c.created_at, c.id")
    List<Conflict> findOpenInMunicipality(String municipalityId);

    List<Conflict> findByHouseholdIdAndResolvedAtIsNullOrderByCreatedAt(String householdId);

    List<Conflict> findByEntityIdAndResolvedAtIsNull(String entityId);

    /** Marks an open conflict resolved ({@code resolution}: a {@code ConflictResolution} name); 0 when it was resolved already. */
    @Query("UPDATE conflict SET resolved_at = :resolvedAt, resolution = :resolution, resolved_by = :resolvedBy"
            + " WHERE id = :id AND resolved_at IS NULL")
    int resolve(String id, long resolvedAt, String resolution, String resolvedBy);
}
