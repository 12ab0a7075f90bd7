package nl.welkom.abuse;

import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface ThrottleRepository extends CrudRepository<ThrottleEntry, String> {

    @Query("SELECT throttle_key, window_start, failures FROM throttle WHERE throttle_key = :key")
    Optional<ThrottleEntry> find(String key);

    /** One more failure in a window that began after {@code after}; 0 when there is no such window. */
    @Query("UPDATE throttle SET failures = failures + 1 WHERE throttle_key = :key AND window_start > :after")
    int increment(String key, long after);

    /** Starts a new window with one failure; 0 when there is no row yet. */
    @Query("UPDATE throttle SET window_start = :now, failures = 1 WHERE throttle_key = :key")
    int restart(String key, long now);

    @Query("DELETE FROM throttle WHERE throttle_key = :key")
    int forget(String key);

    @Query("DELETE FROM throttle WHERE throttle_key LIKE :prefix")
    int forgetAll(String prefix);

    @Query("DELETE FROM throttle WHERE window_start < :before")
    int prune(long before);
}
