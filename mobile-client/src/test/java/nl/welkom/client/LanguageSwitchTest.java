package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import nl.welkom.model.course.Course;
import nl.welkom.model.phrasebook.Phrasebook;
import nl.welkom.model.place.Places;

/**
 * Choosing another language while offline: what the phone has stays readable in the languages it
 * has (and says which), and the next sync brings the new language, every reading document of it.
 */
class LanguageSwitchTest extends ServerTestSupport {

    private void syncIn(String language, String version) throws Exception {
        server.enqueue(json(emptyPage(3, "combined-" + language)));
        server.enqueue(json(Fixtures.pack(version, Arrays.asList(language, "nl"))).setHeader("ETag", "\"" + version + "\""));
        server.enqueue(json(withLanguages(Fixtures.course("c-" + language), language)).setHeader("ETag", "\"c-" + language + "\""));
        server.enqueue(json(withLanguages(Fixtures.phrasebook("p-" + language), language)).setHeader("ETag", "\"p-" + language + "\""));
        server.enqueue(json(withLanguages(Fixtures.places("l-" + language), language)).setHeader("ETag", "\"l-" + language + "\""));
        welkom.sync(SyncListener.NONE);
    }

    private static Course withLanguages(Course c, String language) {
        return new Course(c.id(), c.slug(), Arrays.asList(language, "nl"), c.version(), language, c.title(), c.description(),
                c.state(), c.lessons());
    }

    private static Phrasebook withLanguages(Phrasebook p, String language) {
        return new Phrasebook(Arrays.asList(language, "nl"), p.version(), p.categories());
    }

    private static Places withLanguages(Places p, String language) {
        return new Places(p.municipalityId(), Arrays.asList(language, "nl"), p.version(), p.places());
    }

    @Test
    void switchingLanguageOfflineKeepsLessonsCoursePhrasebookAndPlacesReadableUntilTheNextSyncBringsTheNewLanguage()
            throws Exception {
        activated();
        welkom.setLanguages(Collections.singletonList("ar"));
        syncIn("ar", "v1");
        for (int i = 0; i < 5; i++) {
            take();
        }
        server.shutdown();

        welkom.setLanguages(Arrays.asList("ti", "en"));
        assertThrows(WelkomOfflineException.class, () -> welkom.sync(SyncListener.NONE));

        assertFalse(welkom.lessons().topics().isEmpty(), "the lessons stay");
        assertTrue(welkom.course().get().isPresent(), "the course stays");
        assertTrue(welkom.phrasebook().isPresent(), "the phrasebook stays");
        assertTrue(welkom.places().isPresent(), "the places stay");
        assertEquals(Arrays.asList("ar", "nl"), welkom.lessons().languages(), "and the phone can say which language they are in");
        assertEquals(Arrays.asList("ti", "en"), welkom.languages());
    }

    @Test
    void theNextSyncAfterASwitchFetchesEveryReadingDocumentInTheNewLanguageOnly() throws Exception {
        activated();
        welkom.setLanguages(Collections.singletonList("ar"));
        syncIn("ar", "v1");
        for (int i = 0; i < 5; i++) {
            take();
        }

        welkom.setLanguages(Collections.singletonList("ti"));
        syncIn("ti", "v1");

        take();
        assertEquals("/api/content?lang=ti", take().getPath());
        assertEquals("/api/course?lang=ti", take().getPath());
        assertEquals("/api/phrasebook?lang=ti", take().getPath());
        assertEquals("/api/places?lang=ti", take().getPath());
        assertEquals(Arrays.asList("ti", "nl"), welkom.lessons().languages());
        assertEquals(Arrays.asList("ti", "nl"), welkom.course().get().get().languages());
        assertEquals(Arrays.asList("ti", "nl"), welkom.places().get().languages());
    }
}
