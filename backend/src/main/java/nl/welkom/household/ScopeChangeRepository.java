package nl.welkom.household;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/**
 * Scope changes by subject. The pull reads them with the (subject, seq) indexes of V2; a test
 * checks the query plans (SyncQueryPlanTest), so keep the SQL explicit.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ScopeChangeRepository extends CrudRepository<ScopeChange, Long> {

    /** A person's scope changes with {@code after < seq <= upTo}, oldest first, at most {@code limit}. */
    @Query("SELECT * FROM scope_change WHERE subject_user_id = :userId AND seq > :after AND seq <= :upTo"
            + " ORDER BY seq LIMIT :limit")
    List<ScopeChange> findForUser(String userId, long after, long upTo, int limit);

    /** A device's scope changes with {@code after < seq <= upTo}, oldest first, at most {@code limit}. */
    @Query("SELECT * FROM scope_change WHERE subject_device_id = :deviceId AND seq > :after AND seq <= :upTo"
            + " ORDER BY seq LIMIT :limit")
    List<ScopeChange> findForDevice(String deviceId, long after, long upTo, int limit);
}
