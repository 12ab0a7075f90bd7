package nl.welkom.integration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import nl.welkom.integration.IntegrationEntities.ChangeEntity;
import nl.welkom.integration.IntegrationEntities.ComponentEntity;
import nl.welkom.integration.IntegrationEntities.ExtensionEntity;
import nl.welkom.integration.IntegrationEntities.IntakeEntity;
import nl.welkom.integration.IntegrationEntities.MeetingEntity;
import nl.welkom.integration.IntegrationEntities.ObligationEntity;
import nl.welkom.integration.IntegrationEntities.PlanEntity;

/** Repositories of the civic-integration tables; {@link IntegrationService} is their only user. */
final class IntegrationRepositories {
    private IntegrationRepositories() {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface ObligationRepository extends CrudRepository<ObligationEntity, String> {
        List<ObligationEntity> findByHouseholdId(String householdId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface IntakeRepository extends CrudRepository<IntakeEntity, String> {
        List<IntakeEntity> findByHouseholdId(String householdId);

        Optional<IntakeEntity> findByMemberId(String memberId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface PlanRepository extends CrudRepository<PlanEntity, String> {
        List<PlanEntity> findByHouseholdId(String householdId);

        Optional<PlanEntity> findByMemberId(String memberId);

        /** The dated plans of the households of a municipality: what has a deadline. */
        @Query("SELECT p.* FROM integration_plan p INNER JOIN household h ON h.id = p.household_id"
                + " WHERE h.municipality_id = :municipalityId AND p.established_on IS NOT NULL")
        List<PlanEntity> findDatedInMunicipality(String municipalityId);

        /**
         * Writes an edit only when nobody changed the plan since {@code baseVersion}; 1 when written,
         * 0 when the plan moved on (optimistic locking that also holds on PostgreSQL).
         */
        @Query("UPDATE integration_plan SET route = :route, established_on = :establishedOn,"
                + " language_school = :languageSchool, version = :baseVersion + 1, updated_at = :updatedAt,"
                + " updated_by = :updatedBy WHERE id = :id AND version = :baseVersion")
        int updateIfAt(String id, long baseVersion, String route, @Nullable String establishedOn,
                       @Nullable String languageSchool, long updatedAt, String updatedBy);

        /** Counts a change that touched only the plan's parts (components, extensions) as an edit of the plan. */
        @Query("UPDATE integration_plan SET version = :baseVersion + 1, updated_at = :updatedAt,"
                + " updated_by = :updatedBy WHERE id = :id AND version = :baseVersion")
        int touchIfAt(String id, long baseVersion, long updatedAt, String updatedBy);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface ComponentRepository extends CrudRepository<ComponentEntity, String> {
        List<ComponentEntity> findByPlanIdIn(Collection<String> planIds);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface ExtensionRepository extends CrudRepository<ExtensionEntity, String> {
        List<ExtensionEntity> findByPlanIdIn(Collection<String> planIds);
    }

    /** Append-only: only {@code save} and reads are used. */
    @JdbcRepository(dialect = Dialect.ANSI)
    interface ChangeRepository extends CrudRepository<ChangeEntity, String> {
        List<ChangeEntity> findByPlanId(String planId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface MeetingRepository extends CrudRepository<MeetingEntity, String> {
        List<MeetingEntity> findByHouseholdId(String householdId);
    }
}
