package nl.welkom.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.SearchHit;
import nl.welkom.editor.EditorModel.FailedSearch;
import org.junit.jupiter.api.Test;

class SearchApiTest {
    private final Api api = new Api();

    @Test
    void anArabicReaderFindsTheDutchWordsOfALetterInTheDutchText() {
        List<SearchHit> hits = api.get("/api/search?q=huisarts&lang=ar,en", null).asListOf(SearchHit.class);

        SearchHit hit = hits.stream().filter(h -> h.title().equals("Zorgtoeslag aanvragen")).findFirst().orElseThrow();
        assertEquals("nl", hit.language());
        assertTrue(hit.snippet().contains("huisarts"), hit.snippet());
        assertEquals(1, api.get("/api/search?q=TOESLAG&lang=ar", null).asListOf(SearchHit.class).stream()
                .filter(h -> h.title().equals("Zorgtoeslag aanvragen")).count());
    }

    @Test
    void aMatchInTheReadersOwnLanguageComesInThatLanguage() {
        List<SearchHit> hits = api.get("/api/search?q=" + enc("مصلحة الضرائب") + "&lang=ar", null).asListOf(SearchHit.class);

        assertEquals(1, hits.size());
        assertEquals("ar", hits.get(0).language());
        assertEquals("طلب بدل الرعاية الصحية", hits.get(0).title());
    }

    @Test
    void searchesThatFindNothingAreLoggedForEditorsWithoutWhoAsked() {
        Api.Response response = api.get("/api/search?q=" + enc("  Kwijtschelding   Gemeentebelasting ") + "&lang=ar", null);
        assertEquals(200, response.status());
        assertEquals(0, response.asListOf(SearchHit.class).size());

        List<FailedSearch> failed = api.get("/api/editor/failed-searches", api.login(Fixtures.EDITOR)).asListOf(FailedSearch.class);
        assertTrue(failed.stream().anyMatch(row -> row.query().equals("kwijtschelding gemeentebelasting")
                && row.lang().equals("ar")), failed.toString());
        api.get("/api/editor/failed-searches", api.login(Fixtures.OFFICER)).problem(403);
        api.get("/api/search?q=", null).problem(400);
    }

    @Test
    void anEditorDoesNotSeeWhatReadersOfAnotherMunicipalitySearchedFor() {
        Session otherTown = Fixtures.device(api, Fixtures.OTHER_OFFICER, "A-OTHER");
        Session ownTown = Fixtures.device(api, "T-SCOPE");
        assertEquals(0, api.get("/api/search?q=" + enc("Anderstad zoekterm zonder treffer") + "&lang=ar", otherTown.token())
                .asListOf(SearchHit.class).size());
        assertEquals(0, api.get("/api/search?q=" + enc("Testdorp zoekterm zonder treffer") + "&lang=ar", ownTown.token())
                .asListOf(SearchHit.class).size());

        List<FailedSearch> failed = api.get("/api/editor/failed-searches?limit=200", api.login(Fixtures.EDITOR))
                .asListOf(FailedSearch.class);
        assertTrue(failed.stream().anyMatch(row -> row.query().equals("testdorp zoekterm zonder treffer")), failed.toString());
        assertTrue(failed.stream().noneMatch(row -> row.query().contains("anderstad")), failed.toString());
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
