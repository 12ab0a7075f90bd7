package nl.welkom.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import nl.welkom.Api;
import nl.welkom.TestServer;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.Section;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.content.Topic;
import nl.welkom.model.content.TranslationState;
import org.junit.jupiter.api.Test;

class ContentApiTest {
    private final Api api = new Api();

    @Test
    void eachItemFallsBackAlongTheChainAndSaysWhichLanguageItIsIn() {
        ContentPack pack = api.get("/api/content?lang=ar,en", null).as(ContentPack.class);

        assertEquals(List.of("ar", "en", "nl"), pack.languages());
        Topic arrival = pack.topics().get(0);
        assertEquals("ar", arrival.language());
        Lesson airport = arrival.lessons().get(0);
        assertEquals("ar", airport.language());
        assertEquals(TranslationState.MACHINE_DRAFTED, airport.state());
        List<Section> sections = airport.sections();
        assertSection(sections.get(0), "ar", TranslationState.MACHINE_DRAFTED, "من ينتظر؟");
        assertSection(sections.get(1), "en", TranslationState.MISSING, "Your luggage");
        assertSection(sections.get(2), "nl", TranslationState.MISSING, null);
        Lesson firstNight = arrival.lessons().get(1);
        assertEquals("en", firstNight.language());
        assertEquals(TranslationState.MISSING, firstNight.state());
        Topic housing = pack.topics().get(1);
        assertEquals("nl", housing.language());
        assertEquals(TranslationState.MISSING, housing.lessons().get(0).state());
        assertEquals(List.of("nl", "en", "ar"),
                pack.directory().stream().map(Language::code).sorted((a, b) -> order(a) - order(b)).toList());
        assertEquals(TextDirection.RTL,
                pack.directory().stream().filter(l -> l.code().equals("ar")).findFirst().orElseThrow().direction());
    }

    @Test
    void dutchReadersSeeTheSourceUpToDate() {
        ContentPack pack = api.get("/api/content?lang=nl", null).as(ContentPack.class);

        assertEquals(List.of("nl"), pack.languages());
        Lesson airport = pack.topics().get(0).lessons().get(0);
        assertEquals("Op Schiphol", airport.title());
        assertEquals(TranslationState.UP_TO_DATE, airport.state());
        assertEquals(1, airport.position());
        assertEquals(3, airport.sections().size());
    }

    @Test
    void withoutLangTheAcceptLanguageHeaderChoosesAndUnknownLanguagesAreSkipped() {
        ContentPack pack = api.get("/api/content", null, "Accept-Language", "de-DE, en-GB;q=0.8, ar;q=0.5")
                .as(ContentPack.class);

        assertEquals(List.of("en", "ar", "nl"), pack.languages());
        assertEquals("Arrival", pack.topics().get(0).title());
    }

    @Test
    void anAcceptLanguageHeaderOfOnlySeparatorsFallsBackToDutchInsteadOfFailing() {
        for (String header : List.of(";;;,,,q=", ";", " ; , ;q=1")) {
            Api.Response response = api.get("/api/content", null, "Accept-Language", header);
            assertEquals(200, response.status(), header + " -> " + response.body());
            assertEquals(List.of("nl"), response.as(ContentPack.class).languages());
            assertEquals(200, api.get("/api/search?q=schiphol", null, "Accept-Language", header).status(), header);
        }
    }

    @Test
    void idsDeriveFromSlugs() {
        Topic topic = api.get("/api/content?lang=en", null).as(ContentPack.class).topics().get(0);

        assertEquals(ContentIds.topic("test-arrival"), topic.id());
        assertEquals(ContentIds.lesson("test-airport"), topic.lessons().get(0).id());
        assertEquals(ContentIds.section("test-airport", 2), topic.lessons().get(0).sections().get(1).id());
    }

    @Test
    void aClientHoldingThePackGets304() {
        Api.Response first = api.get("/api/content?lang=ar,en", null);
        String etag = first.header("ETag");
        assertEquals("\"" + first.as(ContentPack.class).version() + "\"", etag);

        Api.Response again = api.get("/api/content?lang=ar,en", null, "If-None-Match", etag);

        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(etag, again.header("ETag"));
        Api.Response otherChain = api.get("/api/content?lang=en", null, "If-None-Match", etag);
        assertEquals(200, otherChain.status());
    }

    @Test
    void packsAreGzippedForClientsThatAcceptIt() {
        Api.Response response = api.get("/api/content?lang=ar,en", null, "Accept-Encoding", "gzip");

        assertEquals(200, response.status());
        assertEquals("gzip", response.header("Content-Encoding"));
    }

    @Test
    void languagesListsTheOfferedLanguagesWithTheirDirection() {
        List<Language> languages = api.get("/api/languages", null).asListOf(Language.class);

        assertEquals(List.of("nl", "en", "ar", "fa", "prs", "ps", "ti", "so", "sw", "rn", "uk", "fr"),
                languages.stream().map(Language::code).toList());
        assertEquals(List.of("ar", "fa", "prs", "ps"), languages.stream()
                .filter(l -> l.direction() == TextDirection.RTL).map(Language::code).toList());
        assertNotNull(languages.get(2).nativeName());
    }

    @Test
    void importingTwiceChangesNothing() {
        long topics = TestServer.get().queryLong("SELECT count(*) FROM topic");
        long translations = TestServer.get().queryLong("SELECT count(*) FROM section_translation");

        TestServer.get().context().getBean(ContentLoader.class).onApplicationEvent(null);

        assertEquals(3, topics);
        assertEquals(topics, TestServer.get().queryLong("SELECT count(*) FROM topic"));
        assertEquals(translations, TestServer.get().queryLong("SELECT count(*) FROM section_translation"));
        assertTrue(translations > 0);
    }

    private static void assertSection(Section section, String language, TranslationState state, String heading) {
        assertEquals(language, section.language());
        assertEquals(state, section.state());
        assertEquals(heading, section.heading());
    }

    private static int order(String code) {
        return List.of("nl", "en", "ar").indexOf(code);
    }
}
