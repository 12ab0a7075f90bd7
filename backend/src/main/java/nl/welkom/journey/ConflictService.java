package nl.welkom.journey;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.sync.ConflictRecord;
import nl.welkom.model.sync.ConflictResolution;
import nl.welkom.problem.ProblemException;

/**
 * Conflicts for officers to review (docs/sync.md, "Merging and conflicts"): nothing a phone or an
 * officer wrote is silently lost; the overwritten value waits here until an officer keeps the
 * current value or restores the other one. Officers only; scope by {@link HouseholdScope}.
 */
@Singleton
public class ConflictService {
    private final ConflictRepository conflicts;
    private final TaskService taskService;
    private final HouseholdScope scope;
    private final AuditLog audit;
    private final Clock clock;

    ConflictService(ConflictRepository conflicts, TaskService taskService, HouseholdScope scope, AuditLog audit,
                    Clock clock) {
        this.conflicts = conflicts;
        this.taskService = taskService;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The open conflicts of the officer's municipality, oldest first; audited as a list read. */
    @Transactional
    public List<ConflictRecord> openInMunicipality(Caller officer) {
        List<ConflictRecord> open = conflicts.findOpenInMunicipality(officer.municipalityId()).stream()
                .map(Conflict::asModel)
                .toList();
        audit.record(officer, AuditLog.CONFLICT_LIST, null);
        return open;
    }

    /**
     * The open conflicts of one household with who wrote each side, oldest first; not audited (the
     * page that shows them is).
     *
     * @throws ProblemException 404 when the household is out of the caller's scope
     */
    public List<ConflictDetail> openDetailsInHousehold(Caller officer, String householdId) {
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        return conflicts.findByHouseholdIdAndResolvedAtIsNullOrderByCreatedAt(household.id()).stream()
                .map(Conflict::asDetail)
                .toList();
    }

    /**
     * Resolves an open conflict: {@link ConflictResolution#KEEP_CURRENT} only marks it resolved;
     * {@link ConflictResolution#RESTORE_OTHER} first writes the overwritten value back as a normal
     * edit (new version, next change sequence, so it reaches every phone). Audited.
     *
     * @throws ProblemException 404 when the conflict does not exist or is out of scope; 409
     *                          {@code conflict-resolved} when it is resolved already, {@code task-gone}
     *                          when the task to restore was deleted
     */
    @Transactional
    public ConflictRecord resolve(Caller officer, String conflictId, ConflictResolution resolution) {
        Conflict conflict = conflicts.findById(conflictId)
                .filter(found -> scope.canSee(officer, found.householdId()))
                .orElseThrow(ProblemException::notFound);
        if (conflict.resolvedAt() != null) {
            throw resolvedAlready();
        }
        if (resolution == ConflictResolution.RESTORE_OTHER) {
            Map<TaskField, String> restore = new EnumMap<>(TaskField.class);
            restore.put(conflict.taskField(), conflict.otherValue());
            if (taskService.apply(officer, conflict.entityId(), restore, TaskService.CURRENT, null).task() == null) {
                throw new ProblemException(HttpStatus.CONFLICT, "task-gone", "Task gone",
                        "The task of this conflict no longer exists; keep the current value instead.");
            }
        }
        if (conflicts.resolve(conflict.id(), clock.millis(), resolution.name(), officer.userId()) != 1) {
            throw resolvedAlready();
        }
        audit.record(officer, AuditLog.CONFLICT_RESOLVE, conflict.householdId());
        return conflicts.findById(conflict.id()).map(Conflict::asModel).orElseThrow(ProblemException::notFound);
    }

    private static ProblemException resolvedAlready() {
        return new ProblemException(HttpStatus.CONFLICT, "conflict-resolved", "Conflict resolved",
                "This conflict has been resolved already.");
    }
}
