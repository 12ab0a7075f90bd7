package nl.welkom.journey;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface TaskRepository extends CrudRepository<TaskEntity, String> {
    List<TaskEntity> findByHouseholdIdAndDeletedFalse(String householdId);

    List<TaskEntity> findByHouseholdIdAndDeletedTrue(String householdId);

    /**
     * Tasks and tombstones of the given households written with {@code after < change_seq <= upTo},
     * oldest change first, at most {@code limit}: what a pull reads. Served by the
     * {@code (household_id, change_seq)} index, so it costs what changed, not what exists
     * ({@code householdIds} must not be empty; SyncQueryPlanTest checks the plan).
     */
    @Query("SELECT * FROM task WHERE household_id IN (:householdIds) AND change_seq > :after AND change_seq <= :upTo"
            + " ORDER BY change_seq LIMIT :limit")
    List<TaskEntity> findChanged(Collection<String> householdIds, long after, long upTo, int limit);
}
