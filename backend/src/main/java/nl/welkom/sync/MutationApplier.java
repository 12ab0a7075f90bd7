package nl.welkom.sync;

import java.time.Clock;
import java.util.Optional;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.auth.Caller;
import nl.welkom.journey.TaskEntity;
import nl.welkom.journey.TaskRepository;
import nl.welkom.journey.TaskService;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;

/**
 * Applies one pushed mutation in its own short transaction, at most once per mutation id: the
 * outcome is recorded in {@code applied_mutation} in the same transaction as the edit, so a
 * retried push (the phone never heard the answer) finds it and changes nothing.
 */
@Singleton
class MutationApplier {
    private final AppliedMutationRepository applied;
    private final TaskRepository tasks;
    private final TaskService taskService;
    private final Clock clock;

    MutationApplier(AppliedMutationRepository applied, TaskRepository tasks, TaskService taskService, Clock clock) {
        this.applied = applied;
        this.tasks = tasks;
        this.taskService = taskService;
        this.clock = clock;
    }

    @Transactional
    public MutationResult apply(Caller device, Mutation mutation) {
        Optional<AppliedMutation> previous = applied.findById(mutation.id());
        if (previous.isPresent()) {
            return repeated(device, mutation, previous.get());
        }
        Optional<TaskEntity> task = tasks.findById(mutation.entityId())
                .filter(row -> !row.deleted() && row.householdId().equals(device.householdId()));
        MutationOutcome outcome = task
                .map(row -> taskService.apply(row, target(mutation), mutation.baseVersion(), device, mutation.id()))
                .orElse(MutationOutcome.REJECTED);
        applied.save(new AppliedMutation(mutation.id(), device.deviceId(), outcome, clock.millis()));
        return new MutationResult(mutation.id(), outcome,
                outcome == MutationOutcome.REJECTED ? "No such task for this device." : null);
    }

    private static MutationResult repeated(Caller device, Mutation mutation, AppliedMutation previous) {
        if (!previous.deviceId().equals(device.deviceId())) {
            return new MutationResult(mutation.id(), MutationOutcome.REJECTED, "Mutation id already used.");
        }
        if (previous.outcome() == MutationOutcome.REJECTED) {
            return new MutationResult(mutation.id(), MutationOutcome.REJECTED, "No such task for this device.");
        }
        return new MutationResult(mutation.id(), MutationOutcome.ALREADY_APPLIED, null);
    }

    private static TaskStatus target(Mutation mutation) {
        switch (mutation.type()) {
            case TASK_COMPLETE:
                return TaskStatus.DONE;
            case TASK_REOPEN:
                return TaskStatus.OPEN;
            default:
                throw new IllegalArgumentException("Unsupported mutation type " + mutation.type());
        }
    }
}
