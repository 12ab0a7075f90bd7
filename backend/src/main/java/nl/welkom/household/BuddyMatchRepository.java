package nl.welkom.household;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface BuddyMatchRepository extends CrudRepository<BuddyMatch, String> {
    boolean existsByBuddyUserIdAndHouseholdIdAndEndedAtIsNull(String buddyUserId, String householdId);

    @Query("SELECT household_id FROM buddy_match WHERE buddy_user_id = :buddyUserId AND ended_at IS NULL")
    List<String> findActiveHouseholdIds(String buddyUserId);

    /** The household's matches, active and ended, newest first. */
    List<BuddyMatch> findByHouseholdIdOrderByStartedAtDesc(String householdId);

    /** Ends an active match with its reason and optional note; 0 when it had ended already. */
    @Query("UPDATE buddy_match SET ended_at = :endedAt, end_reason = :reason, end_note = :note"
            + " WHERE id = :id AND ended_at IS NULL")
    int end(String id, long endedAt, String reason, @Nullable String note);

    /** The household's active matches, oldest first. */
    List<BuddyMatch> findByHouseholdIdAndEndedAtIsNullOrderByStartedAt(String householdId);
}
