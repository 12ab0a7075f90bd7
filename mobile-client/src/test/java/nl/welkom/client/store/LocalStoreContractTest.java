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
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * The {@link LocalStore} contract, run against every implementation (in memory, SQLite on the
 * current driver and on SQLite 3.18, Android 8's; {@code AndroidLocalStore} on Robolectric through
 * mobile-client's test-jar). The store knows kinds and keys, not features:
 * these tests use made-up kinds on purpose.
 */
public abstract class LocalStoreContractTest {

    protected LocalStore store;

    /** A new, empty store. */
    protected abstract LocalStore newStore() throws Exception;

    /** The same store as a new process would see it (closed and opened again where that means something). */
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

    private static final String H1 = Fixtures.HOUSEHOLD_ID;
    private static final String H2 = Fixtures.OTHER_HOUSEHOLD_ID;

    private static StoredRecord rec(String kind, String id, String household, String body) {
        return new StoredRecord(kind, id, household, body);
    }

    private static Mutation edit(String id, String entityId) {
        return Fixtures.mutation(id, entityId, MutationType.TASK_COMPLETE, 1);
    }

    @Test
    void aNewStoreIsEmptyButNeverNull() {
        assertFalse(store.document("pack", "").isPresent());
        assertEquals(Collections.emptyList(), store.records("task"));
        assertFalse(store.record("task", "t-1").isPresent());
        assertEquals(Collections.emptyList(), store.outbox());
        assertEquals(Collections.emptyList(), store.notices());
        assertEquals(0L, store.syncCursor());
        assertEquals(Collections.emptyList(), store.removeHouseholds(Collections.singletonList(H1)));
    }

    @Test
    void aDocumentIsKeptWithItsVariantValidatorAndVersionAndReplacedByKindAndKey() {
        StoredDocument first = new StoredDocument("pack", "", "ti,en", "\"e1\"", "v1", "{\"a\":1}");
        store.putDocument(first);
        store.putDocument(new StoredDocument("pack", "other", null, null, null, "{}"));
        store.putDocument(StoredDocument.of("course", "[1]"));
        assertEquals(first, store.document("pack", "").get());

        StoredDocument second = new StoredDocument("pack", "", "ar", null, null, "{\"a\":2}");
        store.putDocument(second);

        assertEquals(second, store.document("pack", "").get(), "replaced whole, old validator gone");
        assertEquals("{}", store.document("pack", "other").get().body(), "another key is another document");
        assertEquals("[1]", store.document("course", "").get().body(), "another kind is another document");
        store.deleteDocument("pack", "");
        store.deleteDocument("pack", "never-there");
        assertFalse(store.document("pack", "").isPresent());
        assertTrue(store.document("pack", "other").isPresent());
    }

    @Test
    void rightToLeftAndNonLatinTextRoundTripsByteForByte() throws Exception {
        String body = "{\"ti\":\"ሰላም! እንቋዕ ብደሓን መጻእኩም\",\"prs\":\"\u2067سلام، خوش آمدید\u2069\",\"emoji\":\"\uD83D\uDE4F\","
                + "\"nl\":\"Oriëntatie — één “echte” test\\n\"}";
        store.putDocument(StoredDocument.of("pack", body));
        store.putRecords(Collections.singletonList(rec("task", "t-1", H1, body)));
        store.appendToOutbox(Fixtures.note("m-1", "t-1", "ማስታወሻ\nلاحظة\t✓", 1));
        store = reopen(store);
        assertEquals(body, store.document("pack", "").get().body());
        assertEquals(body, store.record("task", "t-1").get().body());
        assertEquals("ማስታወሻ\nلاحظة\t✓", store.outbox().get(0).value());
    }

    @Test
    void recordsAreInsertedOrReplacedByKindAndIdAndListedById() {
        store.putRecords(Arrays.asList(rec("task", "t-2", H1, "{\"v\":1}"), rec("task", "t-1", H1, "{\"v\":1}"),
                rec("household", H1, H1, "{}")));
        store.putRecords(Collections.singletonList(rec("task", "t-2", H2, "{\"v\":2}")));

        List<StoredRecord> tasks = store.records("task");
        assertEquals(Arrays.asList("t-1", "t-2"), recordIds(tasks));
        assertEquals(rec("task", "t-2", H2, "{\"v\":2}"), tasks.get(1), "replaced with its new household");
        assertEquals(Collections.singletonList(rec("household", H1, H1, "{}")), store.records("household"));
        assertEquals(rec("task", "t-1", H1, "{\"v\":1}"), store.record("task", "t-1").get());
        assertFalse(store.record("household", "t-1").isPresent(), "ids are per kind");
    }

    @Test
    void deletingRecordsTouchesOnlyThatKindAndIgnoresUnknownIds() {
        store.putRecords(Arrays.asList(rec("task", "x", H1, "1"), rec("progress", "x", H1, "2"), rec("task", "y", H1, "3")));
        store.deleteRecords("task", Arrays.asList("x", "unknown"));
        assertEquals(Collections.singletonList("y"), recordIds(store.records("task")));
        assertEquals(Collections.singletonList("x"), recordIds(store.records("progress")));
    }

    @Test
    void removingAHouseholdDeletesEveryRecordNamingItAndTheOutboxEntriesForThemAndNothingElse() {
        store.putRecords(Arrays.asList(rec("household", H1, H1, "{}"), rec("household", H2, H2, "{}"),
                rec("task", "t-1", H1, "{}"), rec("task", "t-2", H2, "{}"), rec("progress", H1, H1, "{}"),
                rec("note", "n-1", null, "{}")));
        store.appendToOutbox(edit("m-1", "t-2"));
        store.appendToOutbox(edit("m-2", "t-1"));
        store.appendToOutbox(edit("m-3", "member-1"));
        store.appendToOutbox(edit("m-4", "t-2"));

        List<Mutation> removed = store.removeHouseholds(Arrays.asList(H2, "unknown"));

        assertEquals(Arrays.asList("m-1", "m-4"), mutationIds(removed), "oldest first");
        assertEquals(Collections.singletonList(H1), recordIds(store.records("household")));
        assertEquals(Collections.singletonList("t-1"), recordIds(store.records("task")));
        assertEquals(1, store.records("progress").size());
        assertEquals(1, store.records("note").size(), "a record of nobody in particular stays");
        assertEquals(Arrays.asList("m-2", "m-3"), mutationIds(store.outbox()));
    }

    @Test
    void removingSeveralHouseholdsReturnsTheirOutboxEntriesInTheOrderTheyWereMade() {
        store.putRecords(Arrays.asList(rec("task", "t-1", H1, "{}"), rec("task", "t-2", H2, "{}")));
        store.appendToOutbox(edit("m-1", "t-2"));
        store.appendToOutbox(edit("m-2", "t-1"));
        store.appendToOutbox(edit("m-3", "t-2"));

        assertEquals(Arrays.asList("m-1", "m-2", "m-3"), mutationIds(store.removeHouseholds(Arrays.asList(H1, H2))));
        assertEquals(Collections.emptyList(), store.records("task"));
    }

    @Test
    void theOutboxKeepsAppendOrderIgnoresARepeatedIdAndRemovesOnlyThoseIds() {
        store.appendToOutbox(edit("m-2", "t-1"));
        store.appendToOutbox(edit("m-1", "t-1"));
        store.appendToOutbox(Fixtures.note("m-2", "t-1", "again", 1));
        store.appendToOutbox(edit("m-3", "t-1"));
        assertEquals(Arrays.asList("m-2", "m-1", "m-3"), mutationIds(store.outbox()));
        assertEquals(null, store.outbox().get(0).value(), "the first append with an id wins");

        store.removeFromOutbox(Arrays.asList("m-1", "unknown"));
        assertEquals(Arrays.asList("m-2", "m-3"), mutationIds(store.outbox()));
    }

    @Test
    void noticesKeepTheirOrderIgnoreARepeatedIdAndAreRemovedById() {
        SyncNotice a = new SyncNotice(SyncNotice.Kind.REJECTED, edit("m-1", "t-1"), "not yours");
        SyncNotice b = new SyncNotice(SyncNotice.Kind.CONFLICT, Fixtures.note("m-2", "t-1", "x", 1), null);
        store.addNotice(b);
        store.addNotice(a);
        store.addNotice(new SyncNotice(SyncNotice.Kind.DISCARDED, b.mutation(), "again"));
        assertEquals(Arrays.asList(b, a), store.notices());
        store.removeNotices(Arrays.asList("m-2", "unknown"));
        assertEquals(Collections.singletonList(a), store.notices());
    }

    @Test
    void everythingWrittenSurvivesAReopen() throws Exception {
        fillEverything();
        store = reopen(store);
        assertEquals(new StoredDocument("session", "", null, null, null, "{\"t\":1}"), store.document("session", "").get());
        assertEquals(new StoredDocument("pack", "", "ar,nl", "\"e\"", "v3", "{}"), store.document("pack", "").get());
        assertEquals(2, store.records("task").size());
        assertEquals(Arrays.asList("m-1", "m-2"), mutationIds(store.outbox()));
        assertEquals(1, store.notices().size());
        assertEquals(42L, store.syncCursor());
    }

    private void fillEverything() {
        store.putDocument(new StoredDocument("session", "", null, null, null, "{\"t\":1}"));
        store.putDocument(new StoredDocument("pack", "", "ar,nl", "\"e\"", "v3", "{}"));
        store.putDocument(StoredDocument.of("places", "[]"));
        store.putRecords(Arrays.asList(rec("household", H1, H1, "{}"), rec("task", "t-1", H1, "{}"),
                rec("task", "t-2", H1, "{}")));
        store.appendToOutbox(edit("m-1", "t-1"));
        store.appendToOutbox(edit("m-2", "member-1"));
        store.addNotice(new SyncNotice(SyncNotice.Kind.REJECTED, edit("m-0", "t-1"), null));
        store.saveSyncCursor(42);
    }

    @Test
    void forgettingDropsEveryRecordTheOutboxNoticesCursorAndTheNamedKindsOnly() throws Exception {
        fillEverything();
        store.forget(Arrays.asList("session", "places"));
        store = reopen(store);
        assertFalse(store.document("session", "").isPresent());
        assertFalse(store.document("places", "").isPresent());
        assertTrue(store.document("pack", "").isPresent(), "a kind not named stays");
        assertEquals(Collections.emptyList(), store.records("task"));
        assertEquals(Collections.emptyList(), store.records("household"));
        assertEquals(Collections.emptyList(), store.outbox());
        assertEquals(Collections.emptyList(), store.notices());
        assertEquals(0L, store.syncCursor());
    }

    @Test
    void aTransactionCommitsAllItsWritesTogether() throws Exception {
        store.inTransaction(() -> {
            store.putRecords(Collections.singletonList(rec("task", "t-1", H1, "{}")));
            store.saveSyncCursor(5);
            assertEquals(5L, store.syncCursor(), "reads inside see the writes so far");
            assertEquals(1, store.records("task").size());
        });
        store = reopen(store);
        assertEquals(5L, store.syncCursor());
        assertEquals(1, store.records("task").size());
    }

    @Test
    void aTransactionThatThrowsLeavesNoTrace() {
        store.saveSyncCursor(3);
        store.putDocument(StoredDocument.of("pack", "old"));
        IllegalStateException boom = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.putRecords(Collections.singletonList(rec("task", "t-1", H1, "{}")));
            store.appendToOutbox(edit("m-1", "t-1"));
            store.saveSyncCursor(8);
            store.putDocument(StoredDocument.of("pack", "new"));
            store.deleteDocument("pack", "");
            store.addNotice(new SyncNotice(SyncNotice.Kind.REJECTED, edit("m-0", "t-1"), null));
            throw boom;
        }));

        assertSame(boom, thrown, "the work's exception propagates unchanged");
        assertEquals(3L, store.syncCursor());
        assertEquals("old", store.document("pack", "").get().body());
        assertEquals(Collections.emptyList(), store.records("task"));
        assertEquals(Collections.emptyList(), store.outbox());
        assertEquals(Collections.emptyList(), store.notices());
    }

    @Test
    void aPageThatRemovesAHouseholdIsUndoneWholeWhenItFails() {
        store.putRecords(Arrays.asList(rec("household", H2, H2, "{}"), rec("task", "t-2", H2, "{}")));
        store.appendToOutbox(edit("m-1", "t-2"));
        store.saveSyncCursor(3);

        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.removeHouseholds(Collections.singletonList(H2));
            store.saveSyncCursor(4);
            throw new IllegalStateException("connection lost while applying");
        }));

        assertEquals(1, store.records("household").size());
        assertEquals(1, store.records("task").size());
        assertEquals(1, store.outbox().size());
        assertEquals(3L, store.syncCursor());
    }

    @Test
    void aNestedTransactionThatThrowsIsUndoneWhileTheOuterOneCommits() {
        store.inTransaction(() -> {
            store.saveSyncCursor(1);
            try {
                store.inTransaction(() -> {
                    store.saveSyncCursor(2);
                    store.putRecords(Collections.singletonList(rec("task", "t-1", H1, "{}")));
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // the outer work carries on
            }
            store.appendToOutbox(edit("m-1", "t-1"));
        });

        assertEquals(1L, store.syncCursor());
        assertEquals(Collections.emptyList(), store.records("task"));
        assertEquals(1, store.outbox().size());
    }

    @Test
    void readsAreSnapshotsThatLaterWritesDoNotChange() {
        store.putRecords(Collections.singletonList(rec("task", "t-1", H1, "{}")));
        store.appendToOutbox(edit("m-1", "t-1"));
        List<StoredRecord> records = store.records("task");
        List<Mutation> outbox = store.outbox();
        store.putRecords(Collections.singletonList(rec("task", "t-2", H1, "{}")));
        store.appendToOutbox(edit("m-2", "t-1"));
        assertEquals(1, records.size());
        assertEquals(1, outbox.size());
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

    private static List<String> recordIds(List<StoredRecord> records) {
        List<String> ids = new ArrayList<>();
        for (StoredRecord r : records) {
            ids.add(r.id());
        }
        return ids;
    }

    private static List<String> mutationIds(List<Mutation> mutations) {
        List<String> ids = new ArrayList<>();
        for (Mutation m : mutations) {
            ids.add(m.id());
        }
        return ids;
    }
}
