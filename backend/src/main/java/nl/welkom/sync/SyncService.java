package nl.welkom.sync;

import java.util.ArrayList;
import java.util.List;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.auth.Caller;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdReader;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.journey.TaskEntity;
import nl.welkom.journey.TaskRepository;
import nl.welkom.journey.TaskService;
import nl.welkom.model.household.Household;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import nl.welkom.problem.ProblemException;

/**
 * Sync for a household's phone, in the manner of git: push sends the outbox of offline edits,
 * pull fetches what changed on the server after the phone's cursor.
 */
@Singleton
class SyncService {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    static final int MAX_MUTATIONS = 500;
    private static final int MAX_ID_LENGTH = 100;

    private final MutationApplier applier;
    private final HouseholdRepository households;
    private final HouseholdReader householdReader;
    private final TaskRepository tasks;
    private final TaskService taskService;

    SyncService(MutationApplier applier, HouseholdRepository households, HouseholdReader householdReader,
                TaskRepository tasks, TaskService taskService) {
        this.applier = applier;
        this.households = households;
        this.householdReader = householdReader;
        this.tasks = tasks;
        this.taskService = taskService;
    }

    /**
     * Applies the mutations in order, each in its own transaction; one result per mutation.
     *
     * @throws ProblemException 400 when a mutation lacks its id, type or entity id
     */
    public PushResponse push(Caller device, PushRequest request) {
        List<Mutation> mutations = request.mutations();
        if (mutations == null || mutations.size() > MAX_MUTATIONS) {
            throw ProblemException.badRequest("mutations must be a list of at most " + MAX_MUTATIONS + " items.");
        }
        for (Mutation mutation : mutations) {
            if (mutation == null || !validId(mutation.id()) || mutation.type() == null || !validId(mutation.entityId())) {
                throw ProblemException.badRequest("Every mutation needs an id, a type and an entityId.");
            }
        }
        List<MutationResult> results = new ArrayList<>(mutations.size());
        for (Mutation mutation : mutations) {
            results.add(applier.apply(device, mutation));
        }
        return new PushResponse(results);
    }

    /**
     * What changed in the device's household after sequence {@code after}: the household and
     * tasks (tombstones as ids) with a higher change sequence, oldest first, at most
     * {@code limit} items counting the household as one. The cursor is the highest sequence
     * returned, or {@code after} when nothing was.
     */
    @Transactional(readOnly = true)
    public PullResponse pull(Caller device, long after, int limit) {
        HouseholdEntity household = households.findById(device.householdId()).orElseThrow(ProblemException::notFound);
        Pageable page = Pageable.from(0, limit + 1, Sort.of(Sort.Order.asc("changeSeq")));
        List<TaskEntity> changed = tasks.findByHouseholdIdAndChangeSeqGreaterThan(household.id(), after, page);

        boolean householdPending = household.changeSeq() > after;
        Household householdChange = null;
        List<TaskEntity> liveTasks = new ArrayList<>();
        List<String> deletedTaskIds = new ArrayList<>();
        long cursor = after;
        int taken = 0;
        int next = 0;
        while (taken < limit && (householdPending || next < changed.size())) {
            boolean householdFirst = householdPending
                    && (next >= changed.size() || household.changeSeq() < changed.get(next).changeSeq());
            if (householdFirst) {
                householdChange = householdReader.read(household);
                cursor = household.changeSeq();
                householdPending = false;
            } else {
                TaskEntity task = changed.get(next++);
                if (task.deleted()) {
                    deletedTaskIds.add(task.id());
                } else {
                    liveTasks.add(task);
                }
                cursor = task.changeSeq();
            }
            taken++;
        }
        boolean hasMore = householdPending || next < changed.size();
        return new PullResponse(cursor, hasMore, householdChange, taskService.withTitles(liveTasks), deletedTaskIds);
    }

    private static boolean validId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
    }
}
