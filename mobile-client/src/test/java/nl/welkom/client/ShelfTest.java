package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.welkom.client.store.InMemoryLocalStore;
import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.StoredDocument;
import nl.welkom.client.store.StoredRecord;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.course.MemberProgress;
import nl.welkom.model.journey.TaskStatus;

/** The typed views over the store: what each feature keeps, for which languages, and what is forgotten when. */
class ShelfTest {

    private final LocalStore store = new InMemoryLocalStore();
    private final List<String> arabic = Collections.singletonList("ar");

    @Test
    void aReadingDocumentsValidatorAndVersionAreOnlyGivenForTheChainItWasFetchedFor() {
        Shelf.CONTENT.put(store, Arrays.asList("ar", "en"), "\"v1\"", Fixtures.pack("v1", Arrays.asList("ar", "en", "nl")));
        Shelf.COURSE.put(store, arabic, "\"c1\"", Fixtures.course("c1"));

        assertEquals("\"v1\"", Shelf.CONTENT.etag(store, Arrays.asList("ar", "en")).get());
        assertEquals("v1", Shelf.CONTENT.version(store, Arrays.asList("ar", "en")).get());
        assertFalse(Shelf.CONTENT.etag(store, arabic).isPresent(), "a pack in other languages is not revalidated");
        assertFalse(Shelf.CONTENT.version(store, Arrays.asList("en", "ar")).isPresent());
        assertEquals("\"c1\"", Shelf.COURSE.etag(store, arabic).get());
        assertFalse(Shelf.COURSE.etag(store, Collections.singletonList("ti")).isPresent());
        assertEquals(Fixtures.course("c1"), Shelf.COURSE.get(store).get(), "but it is still readable");
    }

    @Test
    void anUnreadableDocumentOrRecordReadsAsAbsentAndHasNoValidatorSoTheNextSyncFetchesItAgain() {
        store.putDocument(new StoredDocument("course", "", "ar", "\"c1\"", null, "{\"slug\": [broken"));
        store.putRecords(Arrays.asList(new StoredRecord("task", "t-1", Fixtures.HOUSEHOLD_ID, "not json"),
                new StoredRecord("task", Fixtures.TASK_BANK, Fixtures.HOUSEHOLD_ID,
                        Api.GSON.toJson(Fixtures.task(Fixtures.TASK_BANK, TaskStatus.OPEN, 1)))));

        assertFalse(Shelf.COURSE.get(store).isPresent());
        assertFalse(Shelf.COURSE.usableEtag(store, arabic).isPresent(), "so the next sync fetches it whole");
        assertEquals(1, Shelf.TASKS.all(store).size(), "the readable task is still shown");
        assertTrue(store.document("course", "").isPresent(), "nothing is deleted by reading");
    }

    @Test
    void theCallersDataIsForgottenWhenThePhoneChangesHandsButLanguagesAndPublicContentStay() {
        Shelf.SESSION.put(store, Fixtures.session());
        Shelf.LANGUAGES.put(store, arabic);
        Shelf.CONTENT.put(store, arabic, "\"v1\"", Fixtures.pack("v1", arabic));
        Shelf.COURSE.put(store, arabic, "\"c1\"", Fixtures.course("c1"));
        Shelf.PHRASEBOOK.put(store, arabic, "\"p1\"", Fixtures.phrasebook("p1"));
        Shelf.PLACES.put(store, arabic, "\"l1\"", Fixtures.places("l1"));
        Shelf.READING_VERSION.put(store, arabic, null, "v1.c1");
        Shelf.COURSE_PROGRESS.put(store, Collections.singletonList(new CourseProgress(Fixtures.HOUSEHOLD_ID,
                Collections.<MemberProgress>emptyList())));

        store.forget(Shelf.ABOUT_THE_CALLER);

        assertTrue(Shelf.SESSION.get(store).isPresent());
        assertFalse(Shelf.PLACES.get(store).isPresent(), "places are the caller's municipality's");
        assertFalse(Shelf.READING_VERSION.version(store, arabic).isPresent(), "so the next sync fetches the new caller's");
        assertEquals(0, Shelf.COURSE_PROGRESS.all(store).size());
        assertTrue(Shelf.COURSE.get(store).isPresent());
        assertTrue(Shelf.PHRASEBOOK.get(store).isPresent());

        store.forget(Shelf.PERSONAL);

        assertFalse(Shelf.SESSION.get(store).isPresent(), "a revoked phone forgets its token");
        assertEquals(arabic, Shelf.chain(store));
        assertTrue(Shelf.CONTENT.get(store).isPresent(), "public content is costly to fetch again on prepaid data");
    }

    @Test
    void courseProgressIsReplacedPerHousehold() {
        MemberProgress first = new MemberProgress("m-1", Collections.singletonList("l-1"), Collections.<String>emptyList(),
                Collections.<String>emptyList(), null);
        MemberProgress later = new MemberProgress("m-1", Arrays.asList("l-1", "l-2"), Collections.<String>emptyList(),
                Collections.<String>emptyList(), null);
        Shelf.COURSE_PROGRESS.put(store, Arrays.asList(new CourseProgress(Fixtures.OTHER_HOUSEHOLD_ID,
                Collections.singletonList(first)), new CourseProgress(Fixtures.HOUSEHOLD_ID, Collections.singletonList(first))));
        Shelf.COURSE_PROGRESS.put(store, Collections.singletonList(new CourseProgress(Fixtures.HOUSEHOLD_ID,
                Collections.singletonList(later))));

        List<CourseProgress> all = Shelf.COURSE_PROGRESS.all(store);
        assertEquals(2, all.size());
        assertEquals(later, Shelf.COURSE_PROGRESS.get(store, Fixtures.HOUSEHOLD_ID).get().members().get(0));
    }
}
