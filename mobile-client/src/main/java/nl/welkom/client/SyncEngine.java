package nl.welkom.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.welkom.client.SyncListener.Phase;
import nl.welkom.client.store.LocalStore;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;

/**
 * Brings the store and the server level, in three steps that each commit on their own:
 * <ol>
 *   <li><b>push</b> — akin to {@code git push}: send the outbox in batches; for every mutation the
 *       server answered, drop it from the outbox and (unless refused) fold its effect into the
 *       server copy, in one transaction per batch;</li>
 *   <li><b>pull</b> — akin to {@code git fetch} + fast-forward: fetch pages after the cursor and
 *       apply each page and the new cursor in one transaction, until the server has no more;</li>
 *   <li><b>content</b> — revalidate the content pack with its ETag.</li>
 * </ol>
 * A failure stops the sync; what committed stays committed and the next sync continues from there.
 * Network calls never run inside a store transaction: the store is not locked while bytes trickle
 * in over a slow link, so screens keep reading and the reader keeps ticking tasks.
 */
final class SyncEngine {

    /** Mutations per push request: small enough for a flaky 2G connection to get through. */
    static final int PUSH_BATCH = 50;

    private final Api api;
    private final LocalStore store;
    private final AtomicBoolean running = new AtomicBoolean();

    SyncEngine(Api api, LocalStore store) {
        this.api = api;
        this.store = store;
    }

    SyncResult sync(SyncListener listener) throws WelkomException {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("A sync is already running");
        }
        try {
            ByteCounter counter = new ByteCounter();
            int[] push = push(listener, counter);
            int pulled = pull(listener, counter);
            listener.onProgress(Phase.CONTENT, 0, 1, counter.bytes());
            boolean contentUpdated = refreshContent(counter);
            listener.onProgress(Phase.CONTENT, 1, 1, counter.bytes());
            listener.onProgress(Phase.DONE, 1, 1, counter.bytes());
            return new SyncResult(push[0] + push[1] + push[2], push[0], push[1], push[2], pulled, contentUpdated,
                    counter.bytes());
        } finally {
            running.set(false);
        }
    }

    /** Returns {applied, conflicts, rejected}. */
    private int[] push(SyncListener listener, ByteCounter counter) throws WelkomException {
        List<Mutation> outbox = store.outbox();
        int[] outcomes = new int[3];
        int done = 0;
        listener.onProgress(Phase.PUSH, 0, outbox.size(), counter.bytes());
        for (int from = 0; from < outbox.size(); from += PUSH_BATCH) {
            List<Mutation> batch = outbox.subList(from, Math.min(outbox.size(), from + PUSH_BATCH));
            PushResponse response = api.push(new PushRequest(new ArrayList<>(batch)), counter);
            done += settle(batch, response.results() == null
                    ? Collections.<MutationResult>emptyList() : response.results(), outcomes);
            listener.onProgress(Phase.PUSH, done, outbox.size(), counter.bytes());
        }
        return outcomes;
    }

    /**
     * Settles the answered mutations of one batch in one transaction. Every known outcome is final
     * (docs: MutationOutcome); a result with an outcome this client does not know leaves its
     * mutation in the outbox, which is safe because the server applies a mutation id at most once.
     */
    private int settle(List<Mutation> batch, List<MutationResult> results, int[] outcomes) {
        Map<String, Mutation> sent = new LinkedHashMap<>();
        for (Mutation m : batch) {
            sent.put(m.id(), m);
        }
        int[] settled = new int[1];
        int[] counts = new int[3];
        store.inTransaction(() -> {
            for (MutationResult result : results) {
                Mutation m = result == null ? null : sent.remove(result.mutationId());
                if (m == null || result.outcome() == null) {
                    continue;
                }
                store.removeFromOutbox(Collections.singletonList(m.id()));
                if (result.outcome() == MutationOutcome.REJECTED) {
                    counts[2]++;
                } else {
                    // Applied on the server: make it part of the server copy so the view does not
                    // flicker back before the pull brings the new version.
                    Optional<Task> copy = store.task(m.entityId());
                    if (copy.isPresent()) {
                        store.saveTasks(Collections.singletonList(LocalView.apply(copy.get(), m)));
                    }
                    counts[result.outcome() == MutationOutcome.APPLIED_WITH_CONFLICT ? 1 : 0]++;
                }
                settled[0]++;
            }
        });
        for (int i = 0; i < 3; i++) {
            outcomes[i] += counts[i];
        }
        return settled[0];
    }

    private int pull(SyncListener listener, ByteCounter counter) throws WelkomException {
        long cursor = store.syncCursor();
        int pulled = 0;
        listener.onProgress(Phase.PULL, 0, -1, counter.bytes());
        while (true) {
            PullResponse page = api.pull(cursor, counter);
            Household household = page.household();
            List<Task> tasks = validTasks(page.tasks());
            List<String> deleted = page.deletedTaskIds() == null
                    ? Collections.<String>emptyList() : page.deletedTaskIds();
            // The cursor never moves back: an empty page may answer 0.
            long next = Math.max(cursor, page.cursor());
            if (page.hasMore() && next == cursor) {
                throw Api.unexpected("The sync cursor did not advance");
            }
            store.inTransaction(() -> {
                if (household != null && household.id() != null) {
                    store.saveHousehold(household);
                }
                store.saveTasks(tasks);
                store.deleteTasks(deleted);
                store.saveSyncCursor(next);
            });
            pulled += (household == null ? 0 : 1) + tasks.size() + deleted.size();
            cursor = next;
            listener.onProgress(Phase.PULL, pulled, -1, counter.bytes());
            if (!page.hasMore()) {
                return pulled;
            }
        }
    }

    /** Fails rather than drop silently: a task without id or status cannot be stored or shown. */
    private static List<Task> validTasks(List<Task> tasks) throws WelkomApiException {
        if (tasks == null) {
            return Collections.emptyList();
        }
        for (Task t : tasks) {
            if (t == null || t.id() == null || t.status() == null) {
                throw Api.unexpected("A pulled task has no id or status");
            }
        }
        return tasks;
    }

    boolean refreshContent(ByteCounter counter) throws WelkomException {
        List<String> chain = store.languageChain();
        String etag = store.contentPackEtag(chain).orElse(null);
        Api.Content content = api.content(chain, etag, counter);
        if (content == null) {
            return false;
        }
        store.inTransaction(() -> store.saveContentPack(chain, content.etag, content.pack));
        return true;
    }
}
