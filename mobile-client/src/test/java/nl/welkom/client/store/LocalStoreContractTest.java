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
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.course.MemberProgress;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.phrasebook.Phrase;
import nl.welkom.model.phrasebook.PhraseCategory;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.model.place.Places;
import nl.welkom.model.household.Household;
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
        assertFalse(store.contentPackVersion(Collections.<String>emptyList()).isPresent());
        assertEquals(Collections.emptyList(), store.households());
        assertFalse(store.household(Fixtures.HOUSEHOLD_ID).isPresent());
        assertEquals(Collections.emptyList(), store.tasks());
        assertEquals(Collections.emptyList(), store.outbox());
        assertEquals(Collections.emptyList(), store.notices());
        assertEquals(0L, store.syncCursor());
    }

    @Test
    void everythingSavedSurvivesAReopen() throws Exception {
        store.saveSession(Fixtures.session());
        store.saveLanguageChain(Arrays.asList("ar", "en"));
        store.saveContentPack(Arrays.asList("ar", "en"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "en", "nl")));
        store.saveHouseholds(Arrays.asList(Fixtures.otherHousehold(), Fixtures.household()));
        Task withNote = Fixtures.withNote(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 3), "Tuesday 10:00");
        store.saveTasks(Arrays.asList(withNote, Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 5)));
        Mutation complete = Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 3);
        Mutation note = Fixtures.note("m-2", Fixtures.TASK_BANK, "Bring the passport", 3);
        store.appendToOutbox(complete);
        store.appendToOutbox(note);
        SyncNotice notice = new SyncNotice(SyncNotice.Kind.REJECTED,
                Fixtures.note("m-0", Fixtures.TASK_REGISTER, "too late", 4), "No such task for this device.");
        store.addNotice(notice);
        store.saveSyncCursor(42);

        store = reopen(store);

        assertEquals(Fixtures.session(), store.session().get());
        assertEquals(Arrays.asList("ar", "en"), store.languageChain());
        assertEquals(Fixtures.pack("v1", Arrays.asList("ar", "en", "nl")), store.contentPack().get());
        assertEquals("\"v1\"", store.contentPackEtag(Arrays.asList("ar", "en")).get());
        assertEquals("v1", store.contentPackVersion(Arrays.asList("ar", "en")).get());
        assertEquals(Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()), store.households(), "by id");
        assertEquals(Fixtures.otherHousehold(), store.household(Fixtures.OTHER_HOUSEHOLD_ID).get());
        assertEquals(Arrays.asList(Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.DONE, 5), withNote), store.tasks());
        assertEquals(Arrays.asList(complete, note), store.outbox());
        assertEquals(Collections.singletonList(notice), store.notices());
        assertEquals(42L, store.syncCursor());
    }

    @Test
    void householdsAreInsertedOrReplacedByIdAndListedById() {
        store.saveHouseholds(Collections.singletonList(Fixtures.otherHousehold()));
        store.saveHouseholds(Collections.singletonList(Fixtures.household()));
        Household renamed = new Household(Fixtures.OTHER_HOUSEHOLD_ID, "m-zwolle", null, "Familie Al-Khatib-Nasser",
                null, null, null, null, Collections.singletonList("ar"), Collections.emptyList(), 3);
        store.saveHouseholds(Collections.singletonList(renamed));

        assertEquals(Arrays.asList(Fixtures.household(), renamed), store.households());
        assertEquals(3L, store.household(Fixtures.OTHER_HOUSEHOLD_ID).get().version());
    }

    @Test
    void removingAHouseholdDeletesItsTasksAndTheirOutboxEntriesAndNothingElse() {
        store.saveHouseholds(Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()));
        store.saveTasks(Arrays.asList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1),
                Fixtures.otherTask(TaskStatus.OPEN, 1)));
        Mutation mine1 = Fixtures.mutation("m-1", Fixtures.TASK_OTHER, MutationType.TASK_COMPLETE, 1);
        Mutation kept = Fixtures.mutation("m-2", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1);
        Mutation mine2 = Fixtures.note("m-3", Fixtures.TASK_OTHER, "ask about the school", 1);
        store.appendToOutbox(mine1);
        store.appendToOutbox(kept);
        store.appendToOutbox(mine2);

        List<Mutation> removed = store.removeHouseholds(Arrays.asList(Fixtures.OTHER_HOUSEHOLD_ID, "no-such-household"));

        assertEquals(Arrays.asList(mine1, mine2), removed, "the dropped edits, oldest first");
        assertEquals(Collections.singletonList(Fixtures.household()), store.households());
        assertEquals(Collections.singletonList(Fixtures.TASK_BANK), taskIds(store.tasks()));
        assertEquals(Collections.singletonList(kept), store.outbox());
        assertEquals(Collections.emptyList(), store.removeHouseholds(Collections.<String>emptyList()));
    }

    @Test
    void removingAHouseholdAlsoDeletesTasksThatArrivedBeforeTheHouseholdItself() {
        store.saveTasks(Collections.singletonList(Fixtures.otherTask(TaskStatus.OPEN, 1)));

        store.removeHouseholds(Collections.singletonList(Fixtures.OTHER_HOUSEHOLD_ID));

        assertEquals(Collections.emptyList(), store.tasks());
    }

    @Test
    void thePackVersionIsOnlyGivenForTheLanguageChainThePackWasFetchedFor() {
        store.saveContentPack(Arrays.asList("ar", "en"), null, Fixtures.pack("v7", Arrays.asList("ar", "en", "nl")));

        assertEquals("v7", store.contentPackVersion(Arrays.asList("ar", "en")).get(), "with or without an ETag");
        assertFalse(store.contentPackVersion(Collections.singletonList("ar")).isPresent());
    }

    @Test
    void noticesKeepTheirOrderIgnoreARepeatedIdAndAreRemovedById() {
        SyncNotice first = new SyncNotice(SyncNotice.Kind.CONFLICT,
                Fixtures.mutation("m-9", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1), null);
        SyncNotice second = new SyncNotice(SyncNotice.Kind.DISCARDED,
                Fixtures.note("m-1", Fixtures.TASK_OTHER, "ملاحظة", 2), "gone");
        SyncNotice third = new SyncNotice(SyncNotice.Kind.REJECTED,
                Fixtures.mutation("m-5", Fixtures.TASK_REGISTER, MutationType.TASK_REOPEN, 3), "No such task");
        store.addNotice(first);
        store.addNotice(second);
        store.addNotice(third);
        store.addNotice(new SyncNotice(SyncNotice.Kind.REJECTED, first.mutation(), "again"));

        assertEquals(Arrays.asList(first, second, third), store.notices());

        store.removeNotices(Arrays.asList("m-1", "unknown"));

        assertEquals(Arrays.asList(first, third), store.notices());
    }

    @Test
    void aNoteAndAMutationValueRoundTripExactly() throws Exception {
        String note = "موعد الثلاثاء 10:00 — bring \"papers\" 👍";
        store.saveTasks(Collections.singletonList(Fixtures.withNote(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1), note)));
        store.appendToOutbox(Fixtures.note("m-1", Fixtures.TASK_BANK, note, 1));
        store.appendToOutbox(Fixtures.note("m-2", Fixtures.TASK_BANK, "", 1));

        store = reopen(store);

        assertEquals(note, store.task(Fixtures.TASK_BANK).get().note());
        assertEquals(note, store.outbox().get(0).value());
        assertEquals("", store.outbox().get(1).value(), "an empty note (clear) stays empty, not null");
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

    private void fillEverything() {
        store.saveSession(Fixtures.session());
        store.saveLanguageChain(Collections.singletonList("ar"));
        store.saveContentPack(Collections.singletonList("ar"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "nl")));
        store.saveHouseholds(Arrays.asList(Fixtures.household(), Fixtures.otherHousehold()));
        store.saveTasks(Collections.singletonList(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)));
        store.appendToOutbox(Fixtures.mutation("m-1", Fixtures.TASK_BANK, MutationType.TASK_COMPLETE, 1));
        store.addNotice(new SyncNotice(SyncNotice.Kind.REJECTED,
                Fixtures.mutation("m-0", Fixtures.TASK_BANK, MutationType.TASK_REOPEN, 1), null));
        store.saveSyncCursor(9);
    }

    private void assertNothingSynced() {
        assertEquals(Collections.emptyList(), store.households());
        assertEquals(Collections.emptyList(), store.tasks());
        assertEquals(Collections.emptyList(), store.outbox());
        assertEquals(Collections.emptyList(), store.notices());
        assertEquals(0L, store.syncCursor());
        assertEquals(Collections.singletonList("ar"), store.languageChain());
        assertTrue(store.contentPack().isPresent());
    }

    @Test
    void clearingSyncedDataKeepsSessionLanguagesAndContent() throws Exception {
        fillEverything();

        store.clearSyncedData();
        store = reopen(store);

        assertNothingSynced();
        assertTrue(store.session().isPresent());
    }

    @Test
    void wipingForgetsTheSessionAndEverythingSyncedButKeepsLanguagesAndContent() throws Exception {
        fillEverything();

        store.wipe();
        store = reopen(store);

        assertNothingSynced();
        assertFalse(store.session().isPresent());
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
            store.saveHouseholds(Collections.singletonList(Fixtures.household()));
            store.addNotice(new SyncNotice(SyncNotice.Kind.REJECTED,
                    Fixtures.mutation("m-0", Fixtures.TASK_BANK, MutationType.TASK_REOPEN, 1), null));
            throw boom;
        }));

        assertSame(boom, thrown, "the work's exception propagates unchanged");
        assertEquals(3L, store.syncCursor());
        assertEquals(Collections.emptyList(), store.tasks());
        assertEquals(Collections.emptyList(), store.outbox());
        assertEquals(Collections.emptyList(), store.households());
        assertEquals(Collections.emptyList(), store.notices());
    }

    @Test
    void aPageThatRemovesAHouseholdIsUndoneWholeWhenItFails() {
        store.saveHouseholds(Collections.singletonList(Fixtures.otherHousehold()));
        store.saveTasks(Collections.singletonList(Fixtures.otherTask(TaskStatus.OPEN, 1)));
        store.appendToOutbox(Fixtures.mutation("m-1", Fixtures.TASK_OTHER, MutationType.TASK_COMPLETE, 1));
        store.saveSyncCursor(3);

        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.removeHouseholds(Collections.singletonList(Fixtures.OTHER_HOUSEHOLD_ID));
            store.saveSyncCursor(4);
            throw new IllegalStateException("connection lost while applying");
        }));

        assertEquals(Collections.singletonList(Fixtures.otherHousehold()), store.households());
        assertEquals(1, store.tasks().size());
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

    private static List<String> taskIds(List<Task> tasks) {
        List<String> ids = new ArrayList<>();
        for (Task t : tasks) {
            ids.add(t.id());
        }
        return ids;
    }

    private static List<String> ids(List<Mutation> mutations) {
        List<String> ids = new ArrayList<>();
        for (Mutation m : mutations) {
            ids.add(m.id());
        }
        return ids;
    }

    // ---- course, phrasebook, reading version, progress (schema 3) --------------------------

    public static Course course(String version) {
        QuizQuestion question = new QuizQuestion("rain", "ar", "متى؟", Arrays.asList("أ", "ب", "ج"), 1, "لأن",
                TranslationState.MACHINE_DRAFTED);
        CourseLesson lesson = new CourseLesson("lesson-1", "weather", 1, "ar", "الطقس", TranslationState.MACHINE_DRAFTED,
                Collections.singletonList(question));
        return new Course("course-1", "pre-departure", Arrays.asList("ar", "nl"), version, "ar", "قبل المغادرة", null,
                TranslationState.MACHINE_DRAFTED, Collections.singletonList(lesson));
    }

    public static Phrasebook phrasebook(String version) {
        Phrase phrase = new Phrase("good-morning", "Goedemorgen!", "ar", "صباح الخير!", TranslationState.MACHINE_DRAFTED,
                "خُودِه مُورْخِن", null);
        return new Phrasebook(Arrays.asList("ar", "nl"), version, Collections.singletonList(
                new PhraseCategory("greetings", "ar", "التحيات", TranslationState.MACHINE_DRAFTED,
                        Collections.singletonList(phrase))));
    }

    public static Places places(String version) {
        Place townHall = new Place("p-1", PlaceCategory.TOWN_HALL, "Stadskantoor Zwolle", "Lübeckplein 2", "8017 JZ",
                "Zwolle", "14 038", 52.5, 6.1, "ar", "مكتب البلدية.", "بموعد.", TranslationState.MACHINE_DRAFTED);
        Place gp = new Place("p-2", PlaceCategory.GP_PRACTICE, "Uw huisartsenpraktijk", null, null, null, null, null,
                null, "nl", "Uw huisarts.", null, TranslationState.MISSING);
        return new Places("m-1", Arrays.asList("ar", "nl"), version, Arrays.asList(townHall, gp));
    }

    @Test
    void placesAreKeptWithTheirValidatorAndForgottenWithTheSyncedDataAndTheReadingVersion() throws Exception {
        List<String> arabic = Arrays.asList("ar");
        store.savePlaces(arabic, "\"l1\"", places("l1"));
        store.saveReadingVersion(arabic, "r1");

        store = reopen(store);

        assertEquals(places("l1"), store.places().get());
        assertEquals("\"l1\"", store.placesEtag(arabic).get());
        assertFalse(store.placesEtag(Arrays.asList("en")).isPresent(), "never revalidate another chain's places");
        store.clearSyncedData();
        assertFalse(store.places().isPresent(), "places are the municipality's of whoever used the phone");
        assertFalse(store.readingVersion(arabic).isPresent(), "so the next sync fetches the new caller's places");
    }

    @Test
    void courseAndPhrasebookAreKeptWithTheirValidatorForTheChainTheyWereFetchedFor() throws Exception {
        List<String> arabic = Arrays.asList("ar");
        store.saveCourse(arabic, "\"c1\"", course("c1"));
        store.savePhrasebook(arabic, "\"p1\"", phrasebook("p1"));
        store.saveReadingVersion(arabic, "r1");

        store = reopen(store);

        assertEquals(course("c1"), store.course().get());
        assertEquals(phrasebook("p1"), store.phrasebook().get());
        assertEquals("\"c1\"", store.courseEtag(arabic).get());
        assertEquals("\"p1\"", store.phrasebookEtag(arabic).get());
        assertEquals("r1", store.readingVersion(arabic).get());
        assertFalse(store.courseEtag(Arrays.asList("en")).isPresent(), "never revalidate another chain's course");
        assertFalse(store.readingVersion(Arrays.asList("en")).isPresent());
        store.saveCourse(Arrays.asList("en"), null, course("c2"));
        assertEquals("c2", store.course().get().version());
        assertFalse(store.courseEtag(Arrays.asList("en")).isPresent(), "no validator was sent");
    }

    @Test
    void courseProgressIsReplacedPerHouseholdAndForgottenWithTheSyncedDataButTheCourseStays() throws Exception {
        MemberProgress first = new MemberProgress("m1", Arrays.asList("lesson-1"), Collections.<String>emptyList(),
                Arrays.asList("rain"), null);
        MemberProgress later = new MemberProgress("m1", Arrays.asList("lesson-1"), Arrays.asList("rain"),
                Arrays.asList("rain"), "2026-11-23");
        store.saveCourse(Arrays.asList("ar"), null, course("c1"));
        store.saveCourseProgress(Arrays.asList(new CourseProgress("h2", Collections.<MemberProgress>emptyList()),
                new CourseProgress("h1", Collections.singletonList(first))));
        store.saveCourseProgress(Collections.singletonList(new CourseProgress("h1", Collections.singletonList(later))));

        store = reopen(store);

        assertEquals(Arrays.asList(new CourseProgress("h1", Collections.singletonList(later)),
                new CourseProgress("h2", Collections.<MemberProgress>emptyList())), store.courseProgress());
        store.clearSyncedData();
        assertTrue(store.courseProgress().isEmpty());
        assertTrue(store.course().isPresent(), "the course is public content: it stays");
        store.saveCourseProgress(Collections.singletonList(new CourseProgress("h1", Collections.singletonList(later))));
        store.wipe();
        assertTrue(store.courseProgress().isEmpty());
    }
}
