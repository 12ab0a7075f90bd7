package nl.welkom.journey;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface TaskRepository extends CrudRepository<TaskEntity, String> {
    List<TaskEntity> findByHouseholdIdAndDeletedFalse(String householdId);

    /** Tasks and tombstones of a household changed after {@code changeSeq}; sort and size come with the page. */
    List<TaskEntity> findByHouseholdIdAndChangeSeqGreaterThan(String householdId, long changeSeq, Pageable page);
}
