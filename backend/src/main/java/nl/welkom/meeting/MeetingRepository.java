package nl.welkom.meeting;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface MeetingRepository extends CrudRepository<MeetingEntity, String> {

    /**
     * The family friend's own meetings with the given households written with
     * {@code after < change_seq <= upTo}, oldest change first, at most {@code limit}: what their phone
     * pulls, by the {@code (household_id, change_seq)} index ({@code householdIds} must not be empty).
     * {@code buddy_user_id || ''} keeps the planner off the {@code (buddy_user_id, met_on)} index, which
     * would read all of the friend's meetings and sort them (SyncQueryPlanTest).
     */
    @Query("SELECT * FROM meeting WHERE household_id IN (:householdIds) AND change_seq > :after"
            + " AND change_seq <= :upTo AND buddy_user_id || '' = :buddyUserId ORDER BY change_seq LIMIT :limit")
    List<MeetingEntity> findChanged(Collection<String> householdIds, String buddyUserId, long after, long upTo,
                                    int limit);

    /** The friend's latest {@code limit} meetings with the household, newest first. */
    @Query("SELECT * FROM meeting WHERE household_id = :householdId AND buddy_user_id = :buddyUserId"
            + " ORDER BY met_on DESC, logged_at DESC LIMIT :limit")
    List<MeetingEntity> findLatest(String householdId, String buddyUserId, int limit);

    /** All meetings with the household, newest first. */
    @Query("SELECT * FROM meeting WHERE household_id = :householdId ORDER BY met_on DESC, logged_at DESC")
    List<MeetingEntity> findByHousehold(String householdId);

    /** The friend's meetings with the household, newest first. */
    @Query("SELECT * FROM meeting WHERE household_id = :householdId AND buddy_user_id = :buddyUserId"
            + " ORDER BY met_on DESC, logged_at DESC")
    List<MeetingEntity> findByHouseholdAndBuddy(String householdId, String buddyUserId);

    /** The friend's meetings with any household, newest first. */
    @Query("SELECT * FROM meeting WHERE buddy_user_id = :buddyUserId ORDER BY met_on DESC, logged_at DESC")
    List<MeetingEntity> findByBuddy(String buddyUserId);

    /** When the buddy's active match with the household started (epoch ms), if there is one. */
    @Query("SELECT started_at FROM buddy_match WHERE buddy_user_id = :buddyUserId AND household_id = :householdId"
            + " AND ended_at IS NULL")
    List<Long> findMatchStart(String buddyUserId, String householdId);

    /** The display name of an account. */
    @Query("SELECT display_name FROM app_user WHERE id = :userId")
    Optional<String> findDisplayName(String userId);
}
