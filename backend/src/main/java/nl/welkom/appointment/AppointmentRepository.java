package nl.welkom.appointment;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AppointmentRepository extends CrudRepository<AppointmentEntity, String> {
    /** All appointments of a household, earliest first (what entering a scope brings). */
    List<AppointmentEntity> findByHouseholdIdOrderByStartsAt(String householdId);

    /** Appointments of the households starting at or after {@code from}, earliest first. */
    List<AppointmentEntity> findByHouseholdIdInAndStartsAtGreaterThanEqualsOrderByStartsAt(
            Collection<String> householdIds, long from);

    /**
     * Appointments of the given households written with {@code after < change_seq <= upTo}, oldest
     * change first, at most {@code limit}: what a pull reads, by the {@code (household_id, change_seq)}
     * index ({@code householdIds} must not be empty).
     */
    @Query("SELECT * FROM appointment WHERE household_id IN (:householdIds) AND change_seq > :after"
            + " AND change_seq <= :upTo ORDER BY change_seq LIMIT :limit")
    List<AppointmentEntity> findChanged(Collection<String> householdIds, long after, long upTo, int limit);

    /** How many places with this id the municipality has (0 or 1). */
    @Query("SELECT COUNT(*) FROM place WHERE id = :placeId AND municipality_id = :municipalityId")
    long countPlaces(String placeId, String municipalityId);

    /** The place's name, for a calendar's LOCATION. */
    @Query("SELECT name FROM place WHERE id = :placeId")
    java.util.Optional<String> findPlaceName(String placeId);
}
