package nl.welkom.client.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.welkom.client.Fixtures;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * The behaviour every {@link LocalStore} must have. Subclasses provide the store; stores that
 * persist also show that everything survives a reopen.
 */
public abstract class LocalStoreContractTest {

    protected LocalStore store;

    /** A fresh, empty store. */
    protected abstract LocalStore newStore() throws Exception;

    /** The same data opened again (a restarted app); in-memory stores return the same instance. */
    protected abstract LocalStore reopen(LocalStore store) throws Exception;

    protected void close(LocalStore store) throws Exception {
    }

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        close(store);
    }

    @Test
    void aNewStoreIsEmptyButNeverNull() {
        assertFalse(store.session().isPresent());
        assertEquals(Collections.emptyList(), store.languageChain());
        assertFalse(store.contentPack().isPresent());
        assertFalse(store.contentPackEtag(Collections.<String>emptyList()).isPresent());
        assertFalse(store.household().isPresent());
        assertEquals(Collections.emptyList(), store.tasks());
        assertEquals(Collections.emptyList(), store.outbox());
        assertEquals(0L, store.syncCursor());
    }

    @Test
    void everythingSavedSurvivesAReopen() throws Exception {
        store.saveSession(Fixtures.session());
        store.saveLanguageChain(Arrays.asList("ar", "en"));
        store.saveContentPack(Arrays.asList("ar", "en"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "en", "nl")));
        store.saveHousehold(Fixtures.household());
        store.saveTasks(Arrays.asList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3),
                Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 5)));
        store.appendToOutbox(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 3));
        store.saveSyncCursor(42);

        store = reopen(store);

        assertEquals(Fixtures.session(), store.session().get());
        assertEquals(Arrays.asList("ar", "en"), store.languageChain());
        assertEquals(Fixtures.pack("v1", Arrays.asList("ar", "en", "nl")), store.contentPack().get());
        assertEquals("\"v1\"", store.contentPackEtag(Arrays.asList("ar", "en")).get());
        assertEquals(Fixtures.household(), store.household().get());
        assertEquals(Arrays.asList(Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 5),
                Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3)), store.tasks());
        assertEquals(Collections.singletonList(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 3)),
                store.outbox());
        assertEquals(42L, store.syncCursor());
    }

    @Test
    void rightToLeftAndNonLatinTextRoundTripsExactly() {
        Task task = Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1);
        store.saveTasks(Collections.singletonList(task));
        assertEquals(task.titles(), store.task(Fixtures.TASK_BANK).get().titles());
        assertEquals("التسجيل في البلدية 2", store.task(Fixtures.TASK_BANK).get().titles().get("ar"));
    }

    @Test
    void theEtagIsOnlyGivenForTheLanguageChainThePackWasFetchedFor() {
        store.saveContentPack(Arrays.asList("ar", "en"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "en", "nl")));

        assertEquals("\"v1\"", store.contentPackEtag(Arrays.asList("ar", "en")).get());
        assertFalse(store.contentPackEtag(Collections.singletonList("ar")).isPresent());
        assertFalse(store.contentPackEtag(Arrays.asList("en", "ar")).isPresent());
        assertTrue(store.contentPack().isPresent(), "the pack itself stays readable in any chain");
    }

    @Test
    void savingAPackReplacesTheOneBefore() {
        store.saveContentPack(Arrays.asList("ar", "en"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "en", "nl")));
        ContentPack next = Fixtures.pack("v2", Arrays.asList("fa", "nl"));
        store.saveContentPack(Collections.singletonList("fa"), null, next);

        assertEquals(next, store.contentPack().get());
        assertFalse(store.contentPackEtag(Arrays.asList("ar", "en")).isPresent());
        assertFalse(store.contentPackEtag(Collections.singletonList("fa")).isPresent(), "no validator was sent");
    }

    @Test
    void tasksAreInsertedOrReplacedByIdAndListedById() {
        store.saveTasks(Arrays.asList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1),
                Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.OPEN, 1)));
        store.saveTasks(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.DONE, 2)));

        List<Task> tasks = store.tasks();
        assertEquals(2, tasks.size());
        assertEquals(Fixtures.TASK_REGISTER, tasks.get(0).id());
        assertEquals(TaskStatus.DONE, store.task(Fixtures.TASK_BANK).get().status());
        assertEquals(2L, store.task(Fixtures.TASK_BANK).get().version());
    }

    @Test
    void deletingTasksIgnoresUnknownIds() {
        store.saveTasks(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
        store.deleteTasks(Arrays.asList(Fixtures.TASK_BANK, "no-such-task"));
        assertEquals(Collections.emptyList(), store.tasks());
        assertFalse(store.task(Fixtures.TASK_BANK).isPresent());
    }

    @Test
    void theOutboxKeepsAppendOrderAndIgnoresARepeatedId() {
        List<Mutation> appended = new ArrayList<>();
        // Ids deliberately out of alphabetical order: the order is the append order.
        for (String id : Arrays.asList("m-9", "m-1", "m-5")) {
            Mutation m = Fixtures.mutation(id, Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1);
            appended.add(m);
            store.appendToOutbox(m);
        }
        store.appendToOutbox(Fixtures.mutation("m-9", Fixtures.TASK_BANK, MutationType.TASK_REOPEN, 7));

        assertEquals(appended, store.outbox());
    }

    @Test
    void removingFromTheOutboxRemovesOnlyThoseIds() {
        store.appendToOutbox(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1));
        store.appendToOutbox(Fixtures.mutation("m-2", Fixtures.TASK_BANK, MutationType.TASK_REOPEN, 1));
        store.appendToOutbox(Fixtures.mutation("m-3", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1));

        store.removeFromOutbox(Arrays.asList("m-2", "unknown"));

        assertEquals(Arrays.asList("m-1", "m-3"), ids(store.outbox()));
    }

    @Test
    void clearingTheHouseholdKeepsSessionLanguagesAndContent() {
        store.saveSession(Fixtures.session());
        store.saveLanguageChain(Collections.singletonList("ar"));
        store.saveContentPack(Collections.singletonList("ar"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "nl")));
        store.saveHousehold(Fixtures.household());
        store.saveTasks(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
        store.appendToOutbox(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1));
        store.saveSyncCursor(9);

        store.clearHousehold();

        assertFalse(store.household().isPresent());
        assertEquals(Collections.emptyList(), store.tasks());
        assertEquals(Collections.emptyList(), store.outbox());
        assertEquals(0L, store.syncCursor());
        assertTrue(store.session().isPresent());
        assertEquals(Collections.singletonList("ar"), store.languageChain());
        assertTrue(store.contentPack().isPresent());
    }

    @Test
    void aTransactionCommitsAllItsWritesTogether() throws Exception {
        store.inTransaction(() -> {
            store.saveTasks(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
            store.saveSyncCursor(5);
            assertEquals(5L, store.syncCursor(), "reads inside see the writes so far");
        });
        store = reopen(store);
        assertEquals(5L, store.syncCursor());
        assertEquals(1, store.tasks().size());
    }

    @Test
    void aTransactionThatThrowsLeavesNoTrace() {
        store.saveSyncCursor(3);
        IllegalStateException boom = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.saveTasks(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
            store.appendToOutbox(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1));
            store.saveSyncCursor(8);
            store.saveHousehold(Fixtures.household());
            throw boom;
        }));

        assertSame(boom, thrown, "the work's exception propagates unchanged");
        assertEquals(3L, store.syncCursor());
        assertEquals(Collections.emptyList(), store.tasks());
        assertEquals(Collections.emptyList(), store.outbox());
        assertFalse(store.household().isPresent());
    }

    @Test
    void aNestedTransactionThatThrowsIsUndoneWhileTheOuterOneCommits() {
        store.inTransaction(() -> {
            store.saveSyncCursor(1);
            try {
                store.inTransaction(() -> {
                    store.saveSyncCursor(2);
                    store.saveTasks(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // the outer work carries on
            }
            store.appendToOutbox(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1));
        });

        assertEquals(1L, store.syncCursor());
        assertEquals(Collections.emptyList(), store.tasks());
        assertEquals(1, store.outbox().size());
    }

    @Test
    void anotherThreadDoesNotSeeATransactionBeforeItCommits() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Long> seenByOtherThread = new AtomicReference<>();
        Thread writer = new Thread(() -> store.inTransaction(() -> {
            store.saveSyncCursor(7);
            inside.countDown();
            await(release);
            store.saveSyncCursor(8);
        }));
        writer.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        Thread reader = new Thread(() -> seenByOtherThread.set(store.syncCursor()));
        reader.start();
        reader.join(200);
        release.countDown();
        writer.join(5000);
        reader.join(5000);

        assertEquals(Long.valueOf(8L), seenByOtherThread.get(), "the read waited for the commit");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> ids(List<Mutation> mutations) {
        List<String> ids = new ArrayList<>();
        for (Mutation m : mutations) {
            ids.add(m.id());
        }
        return ids;
    }
}
