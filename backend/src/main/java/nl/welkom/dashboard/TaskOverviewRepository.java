package nl.welkom.dashboard;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.welkom.journey.TaskEntity;
import nl.welkom.model.journey.TaskStatus;

/**
 * The tasks of a page of households in one query, for the household list: which open task each
 * shows as "next" (one query per household would make the list slow). Read-only; every change goes
 * through {@link nl.welkom.journey.TaskService}. Callers pass only ids from the caseload
 * ({@link nl.welkom.household.Caseload}), which is scoped by {@link nl.welkom.household.HouseholdScope}.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface TaskOverviewRepository extends GenericRepository<TaskEntity, String> {
    /**
     * The live tasks with {@code status} of the given households, in no particular order;
     * {@code householdIds} must not be empty.
     */
    List<TaskEntity> findByHouseholdIdInAndStatusAndDeletedFalse(Collection<String> householdIds, TaskStatus status);
}
