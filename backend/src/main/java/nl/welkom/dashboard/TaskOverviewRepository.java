package nl.welkom.dashboard;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.welkom.journey.TaskEntity;

/**
 * The tasks of many households in one query, for the household list (an officer may have 80
 * households; one query per household would make the list slow). Read-only; every change goes
 * through {@link nl.welkom.journey.TaskService}. Callers pass only ids from
 * {@link nl.welkom.household.HouseholdScope}.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface TaskOverviewRepository extends GenericRepository<TaskEntity, String> {
    /** The live tasks of the given households, in no particular order; {@code householdIds} must not be empty. */
    List<TaskEntity> findByHouseholdIdInAndDeletedFalse(Collection<String> householdIds);
}
