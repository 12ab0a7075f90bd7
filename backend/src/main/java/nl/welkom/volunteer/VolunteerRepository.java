package nl.welkom.volunteer;

import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface VolunteerRepository extends CrudRepository<Volunteer, String> {
    List<Volunteer> findByMunicipalityIdOrderByCreatedAtDesc(String municipalityId);

    List<Volunteer> findByMunicipalityIdAndStateOrderByLastNameAsc(String municipalityId, VolunteerState state);

    Optional<Volunteer> findByUserId(String userId);

    /** Moves the volunteer on; 0 when someone else moved them first (the state is not {@code fromState} any more). */
    @Query("UPDATE volunteer SET state = :toState, vog_date = :vogDate, user_id = :userId, updated_at = :updatedAt "
            + "WHERE id = :id AND state = :fromState")
    int move(String id, String fromState, String toState, @Nullable String vogDate, @Nullable String userId,
             long updatedAt);
}
