package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.TextDirection;
import okhttp3.mockwebserver.RecordedRequest;

class ContentTest extends ServerTestSupport {

    private static final ContentPack PACK = Fixtures.pack("v1", Arrays.asList("ar", "en", "nl"));

    @Test
    void aNotModifiedAnswerKeepsTheStoredPack() throws Exception {
        welkom.setLanguages(Arrays.asList("ar", "en"));
        server.enqueue(json(PACK).setHeader("ETag", "\"v1\""));
        server.enqueue(notModified());

        assertTrue(welkom.refreshContent());
        assertFalse(welkom.refreshContent());

        assertEquals(PACK, Shelf.CONTENT.get(store).get());
        RecordedRequest first = take();
        assertEquals("/api/content?lang=ar,en", first.getPath());
        assertNull(first.getHeader("If-None-Match"));
        assertEquals("\"v1\"", take().getHeader("If-None-Match"), "the validator goes back exactly as received");
    }

    @Test
    void aNewPackReplacesTheStoredOne() throws Exception {
        server.enqueue(json(PACK).setHeader("ETag", "\"v1\""));
        ContentPack next = Fixtures.pack("v2", Arrays.asList("nl"));
        server.enqueue(json(next).setHeader("ETag", "\"v2\""));

        welkom.refreshContent();
        assertTrue(welkom.refreshContent());

        assertEquals(next, Shelf.CONTENT.get(store).get());
        assertEquals("/api/content", take().getPath(), "no chain chosen: the server's default");
    }

    @Test
    void aPackForAnotherLanguageChainIsNotRevalidated() throws Exception {
        welkom.setLanguages(Collections.singletonList("ar"));
        server.enqueue(json(Fixtures.pack("v1", Arrays.asList("ar", "nl"))).setHeader("ETag", "\"v1\""));
        server.enqueue(json(Fixtures.pack("v1", Arrays.asList("fa", "nl"))).setHeader("ETag", "\"v1\""));
        welkom.refreshContent();

        welkom.setLanguages(Collections.singletonList("fa"));
        welkom.refreshContent();

        take();
        RecordedRequest second = take();
        assertEquals("/api/content?lang=fa", second.getPath());
        assertNull(second.getHeader("If-None-Match"));
        assertEquals("fa", second.getHeader("Accept-Language"));
    }

    @Test
    void aPackInALanguageThePhoneDidNotAskForIsRefusedAndTheStoredPackStays() throws Exception {
        welkom.setLanguages(Collections.singletonList("ti"));
        server.enqueue(json(Fixtures.pack("v1", Arrays.asList("ti", "nl"))).setHeader("ETag", "\"v1\""));
        welkom.refreshContent();
        server.enqueue(json(Fixtures.pack("v2", Arrays.asList("ar", "nl"))).setHeader("ETag", "\"v2\""));

        WelkomApiException e = assertThrows(WelkomApiException.class, () -> welkom.refreshContent());

        assertTrue(e.problem().detail().contains("asked for [ti]"), e.problem().detail());
        assertEquals(Arrays.asList("ti", "nl"), welkom.lessons().languages(), "the stored pack is kept");
        assertFalse(welkom.lessons().topics().isEmpty());
    }

    @Test
    void anUnknownLanguageCodeFallsBackOnTheServerAndIsAcceptedNotACrash() throws Exception {
        welkom.setLanguages(Arrays.asList("xx", "ar"));
        server.enqueue(json(Fixtures.pack("v1", Arrays.asList("ar", "nl"))).setHeader("ETag", "\"v1\""));

        assertTrue(welkom.refreshContent());
        assertEquals("/api/content?lang=xx,ar", take().getPath());
        assertFalse(welkom.lessons().topics().isEmpty());
    }

    @Test
    void withoutAnEtagHeaderThePackVersionIsTheValidator() throws Exception {
        server.enqueue(json(PACK));
        server.enqueue(notModified());

        welkom.refreshContent();
        welkom.refreshContent();

        take();
        assertEquals("\"v1\"", take().getHeader("If-None-Match"));
    }

    @Test
    void readsComeFromTheStoreWithoutTheNetwork() throws Exception {
        server.enqueue(json(PACK));
        welkom.refreshContent();
        server.shutdown();

        assertEquals("الرعاية الصحية", welkom.lessons().topics().get(0).title());
        assertEquals("طبيب العائلة", welkom.lessons().lesson("lesson-gp").get().title());
        assertFalse(welkom.lessons().lesson("no-such-lesson").isPresent());
        assertEquals(4, welkom.availableLanguages().size());
    }

    @Test
    void directionComesFromThePackDirectoryThenTheKnownRightToLeftScripts() throws Exception {
        for (String code : Arrays.asList("ar", "fa", "prs", "ps", "fa-AF")) {
            assertEquals(TextDirection.RTL, welkom.direction(code), code);
        }
        assertEquals(TextDirection.LTR, welkom.direction("syr"), "not in the fallback list…");
        assertEquals(TextDirection.LTR, welkom.direction("en"));
        assertEquals(TextDirection.LTR, welkom.direction("ti"));

        server.enqueue(json(PACK));
        welkom.refreshContent();

        assertEquals(TextDirection.RTL, welkom.direction("syr"), "…but in the pack's directory");
        assertEquals(TextDirection.RTL, welkom.direction("syr-SY"), "by its primary subtag");
        assertEquals(TextDirection.RTL, welkom.direction("ar-EG"));
    }

    @Test
    void languageCodesAreCheckedAndDeduplicated() {
        welkom.setLanguages(Arrays.asList("ar", " en ", "ar", "fa-AF"));
        assertEquals(Arrays.asList("ar", "en", "fa-AF"), welkom.languages());

        assertThrows(IllegalArgumentException.class, () -> welkom.setLanguages(Arrays.asList("ar,en")));
        assertThrows(IllegalArgumentException.class, () -> welkom.setLanguages(Arrays.asList("en\r\nX-Evil: 1")));
        assertEquals(Arrays.asList("ar", "en", "fa-AF"), welkom.languages());
    }
}
