package nl.welkom.appointment;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AppointmentRepository extends CrudRepository<AppointmentEntity, String> {
    /** How long after its end an appointment still comes along when its household enters a phone's scope. */
    Duration ENTERING_PAST = Duration.ofDays(30);

    /** All appointments of a household, earliest first. */
    List<AppointmentEntity> findByHouseholdIdOrderByStartsAt(String householdId);

    /** The household's appointments ending after {@code endsAfter}, earliest first. */
    List<AppointmentEntity> findByHouseholdIdAndEndsAtGreaterThanOrderByStartsAt(String householdId, long endsAfter);

    /**
     * What a household entering a scope at {@code now} brings: its appointments that end after 30
     * days before {@code now} (not long past ones), earliest first, cancelled ones included.
     */
    default List<AppointmentEntity> findEnteringScope(String householdId, long now) {
        return findByHouseholdIdAndEndsAtGreaterThanOrderByStartsAt(householdId, now - ENTERING_PAST.toMillis());
    }

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

    /** The codes of the languages Welkom offers, in their order: the interpreters one can choose. */
    @Query("SELECT code FROM language ORDER BY sort_order")
    List<String> languageCodes();

    /** The place's name, for a calendar's LOCATION. */
    @Query("SELECT name FROM place WHERE id = :placeId")
    java.util.Optional<String> findPlaceName(String placeId);
}
