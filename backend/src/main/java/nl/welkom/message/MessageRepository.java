package nl.welkom.message;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface MessageRepository extends CrudRepository<MessageEntity, String> {

    /**
     * Messages of the given households written with {@code after < change_seq <= upTo}, oldest change
     * first, at most {@code limit}: what a household's phone (or an officer) pulls, by the
     * {@code (household_id, change_seq)} index ({@code householdIds} must not be empty).
     */
    @Query("SELECT * FROM message WHERE household_id IN (:householdIds) AND change_seq > :after"
            + " AND change_seq <= :upTo ORDER BY change_seq LIMIT :limit")
    List<MessageEntity> findChanged(Collection<String> householdIds, long after, long upTo, int limit);

    /**
     * As {@link #findChanged}, for a family friend: only messages sent at or after the start of the
     * friend's active match with the household (docs/messages.md, "Privacy").
     */
    @Query("SELECT message.* FROM message JOIN buddy_match ON buddy_match.household_id = message.household_id"
            + " AND buddy_match.buddy_user_id = :buddyUserId AND buddy_match.ended_at IS NULL"
            + " WHERE message.household_id IN (:householdIds) AND message.change_seq > :after"
            + " AND message.change_seq <= :upTo AND message.sent_at >= buddy_match.started_at"
            + " ORDER BY message.change_seq LIMIT :limit")
    List<MessageEntity> findChangedForBuddy(Collection<String> householdIds, String buddyUserId, long after, long upTo,
                                            int limit);

    /** The newest {@code limit} messages of a household sent at or after {@code from}, newest first. */
    @Query("SELECT * FROM message WHERE household_id = :householdId AND sent_at >= :from"
            + " ORDER BY sent_at DESC, id DESC LIMIT :limit")
    List<MessageEntity> findLatest(String householdId, long from, int limit);

    /** The household's messages sent at or after {@code from}, oldest first. */
    @Query("SELECT * FROM message WHERE household_id = :householdId AND sent_at >= :from ORDER BY sent_at, id")
    List<MessageEntity> findConversation(String householdId, long from);

    /** When the buddy's active match with the household started (epoch ms), if there is one. */
    @Query("SELECT started_at FROM buddy_match WHERE buddy_user_id = :buddyUserId AND household_id = :householdId"
            + " AND ended_at IS NULL")
    List<Long> findMatchStart(String buddyUserId, String householdId);

    /** Whether the household has an active family friend. */
    @Query("SELECT COUNT(*) FROM buddy_match WHERE household_id = :householdId AND ended_at IS NULL")
    long countActiveMatches(String householdId);

    /** The display name of an account. */
    @Query("SELECT display_name FROM app_user WHERE id = :userId")
    Optional<String> findDisplayName(String userId);

    /** The Dutch title of a lesson, for a question about it. */
    @Query("SELECT title FROM lesson_translation WHERE lesson_id = :lessonId AND lang = 'nl'")
    List<String> findLessonTitle(String lessonId);
}
