package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.welkom.CaseloadData;
import nl.welkom.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The household list at {@code /dashboard} over plain HTTP, on the shipped demo data plus 1,201
 * Zwolle households written into the database: Dutch by default, the count and page links, filters
 * kept in the URL and in the form, flags in words, values that are not understood ignored or
 * clamped (never an error page), and what a buddy gets.
 */
@MicronautTest(transactional = false)
class CaseloadPageTest extends DemoPagesTest {
    private static final int FILLERS = 1200;
    /** Zwolle: five demo households (three plus the two of the housing demo), the fillers and Familie Noor. */
    private static final int TOTAL = 5 + FILLERS + 1;
    private static final Pattern ROW_NAME = Pattern.compile("<th scope=\"row\"><a href=\"/dashboard/households/[0-9a-f-]{36}\">([^<]+)</a></th>");

    @BeforeAll
    void moreZwolleHouseholds() throws SQLException {
        Path dataDir = Path.of(demo.properties().get("welkom.data-dir"));
        try (CaseloadData data = new CaseloadData(TestDatabase.connect(dataDir))) {
            String zwolle = data.municipalityId("zwolle");
            data.begin();
            for (int i = 1; i <= FILLERS; i++) {
                data.household(zwolle, String.format("ZW-%04d", i), String.format("Gezin Vulling %04d", i), "SO",
                        "SETTLED", null);
            }
            // Overdue twice and an open conflict: flagged.
            String noor = data.household(zwolle, "WLK-2026-0009", "Familie Noor", "AF", "ARRIVAL",
                    CaseloadData.today().minusDays(40));
            data.task(noor, "OPEN", CaseloadData.today().minusDays(2), false, "Bankrekening openen");
            String late = data.task(noor, "OPEN", CaseloadData.today().minusDays(9), false, "Zorgverzekering afsluiten");
            data.conflict(noor, late, false);
            data.commit();
        }
    }

    @Test
    void theListSpeaksDutchByDefaultWithTheCountWrittenTheDutchWay() {
        String page = page(DemoData.ZWOLLE_OFFICER, "/dashboard");

        assertTrue(page.contains("<title>Huishoudens — Welkom</title>"), page);
        assertTrue(page.contains("<html lang=\"nl\">"), page);
        assertTrue(page.contains(">1–50 van 1.206</p>"), page);
        assertEquals(50, names(page).size());
        assertEquals(List.of("Familie Haile", "Familie Al-Khatib", "Familie Bahati", "Familie Noor"),
                names(page).subList(0, 4), "by reference");
        assertTrue(page.contains("href=\"/dashboard/households/new\">Nieuw huishouden</a>"), page);
        assertTrue(page.contains("href=\"/dashboard/households/import\">Importeren (CSV)</a>"), page);
        assertTrue(page.contains("<th scope=\"col\" aria-sort=\"ascending\"><a class=\"sort\" href=\"/dashboard?dir=desc\">"
                + "Referentie"), page);
        assertFalse(page.contains("??"), "no missing words");
    }

    @Test
    void englishOnRequestWithTheCountWrittenTheEnglishWay() {
        String page = page(DemoData.ZWOLLE_OFFICER, "/dashboard", "Accept-Language", "en-US,en;q=0.9");

        assertTrue(page.contains("<title>Households — Welkom</title>"), page);
        assertTrue(page.contains(">1–50 of 1,206</p>"), page);
        assertTrue(page.contains(">New household</a>") && page.contains(">Import (CSV)</a>"), page);
        assertTrue(page.contains("Part of the family’s name or a member’s name"), page);
    }

    @Test
    void aFilteredListKeepsItsSearchAndFiltersInTheFormAndInEveryLink() {
        String page = page(DemoData.ZWOLLE_OFFICER, "/dashboard?q=vulling&stage=SETTLED&nationality=SO&size=25&page=2");

        assertTrue(page.contains(">26–50 van 1.200</p>"), page);
        assertTrue(page.contains("name=\"q\" maxlength=\"100\" aria-describedby=\"q-hint\" value=\"vulling\""), page);
        assertTrue(page.contains("<option value=\"SETTLED\" selected=\"selected\">Gevestigd</option>"), page);
        assertTrue(page.contains("<option value=\"SO\" selected=\"selected\">Somalië</option>"), page);
        assertTrue(page.contains("<option value=\"25\" selected=\"selected\">25</option>"), page);
        String kept = "q=vulling&amp;stage=SETTLED&amp;nationality=SO&amp;size=25";
        assertTrue(page.contains("href=\"/dashboard?" + kept + "\" rel=\"prev\">Vorige</a>"), page);
        assertTrue(page.contains("href=\"/dashboard?" + kept + "&amp;page=3\" rel=\"next\">Volgende</a>"), page);
        assertTrue(page.contains("href=\"/dashboard?" + kept + "&amp;page=48\" aria-label=\"Pagina 48\">48</a>"), page);
        assertTrue(page.contains("aria-current=\"page\">2</a>"), page);
        assertTrue(page.contains("<nav class=\"pager\" aria-label=\"Pagina’s\">"), "an apostrophe survives: " + page);
        assertTrue(page.contains("href=\"/dashboard?q=vulling&amp;stage=SETTLED&amp;nationality=SO&amp;sort=name&amp;size=25\">"),
                "sorting keeps the filters and starts on page 1: " + page);
        assertTrue(page.contains("href=\"/dashboard\">Zoekopdracht en filters wissen</a>"), page);
        assertEquals("Gezin Vulling 0026", names(page).get(0));
    }

    @Test
    void aHouseholdWithAnOverdueTaskOrAnOpenConflictIsFlaggedInWords() {
        String page = page(DemoData.ZWOLLE_OFFICER, "/dashboard?q=noor");
        String calm = page(DemoData.ZWOLLE_OFFICER, "/dashboard?q=haile");

        assertTrue(page.contains("<tr class=\"flagged\">"), page);
        assertTrue(page.contains("class=\"badge overdue\">Te late taken: 2</span>"), page);
        assertTrue(page.contains("class=\"badge conflict\">Open conflicten: 1</span>"), page);
        assertTrue(page.contains("Zorgverzekering afsluiten"), "the next task is the one due first: " + page);
        assertTrue(page.contains("class=\"badge overdue\">Te laat</span>"), page);
        assertFalse(calm.contains("class=\"flagged\"") || calm.contains("Te late taken: ") || calm.contains("Open conflicten: "),
                calm);
        assertTrue(calm.contains("<td>Ja</td>"), "Familie Haile has a buddy: " + calm);
        assertEquals(List.of("Familie Noor"), names(page(DemoData.ZWOLLE_OFFICER, "/dashboard?overdue=true")));
        assertEquals(List.of("Familie Noor"), names(page(DemoData.ZWOLLE_OFFICER, "/dashboard?conflicts=true")));
        assertEquals(List.of("Familie Haile"), names(page(DemoData.ZWOLLE_OFFICER, "/dashboard?buddy=true")));
    }

    @Test
    void valuesThatAreNotUnderstoodAreIgnoredOrClampedNeverAnError() {
        String all = ">1–50 van 1.206</p>";
        for (String ignored : List.of("stage=FLYING", "page=-1", "page=abc", "sort=junk", "dir=sideways",
                "overdue=maybe", "nationality=Eritrea", "buddy=", "size=ten", "page=99999999999")) {
            String page = page(DemoData.ZWOLLE_OFFICER, "/dashboard?" + ignored);
            assertTrue(page.contains(all), ignored + ": " + page);
            assertEquals("Familie Haile", names(page).get(0), ignored);
        }
        assertTrue(page(DemoData.ZWOLLE_OFFICER, "/dashboard?size=100000").contains(">1–100 van 1.206</p>"));
        assertTrue(page(DemoData.ZWOLLE_OFFICER, "/dashboard?size=30").contains(">1–50 van 1.206</p>"));
        assertTrue(page(DemoData.ZWOLLE_OFFICER, "/dashboard?page=9999").contains(">1.201–1.206 van 1.206</p>"),
                "a page past the end shows the last");
        assertTrue(page(DemoData.ZWOLLE_OFFICER, "/dashboard?q=" + "haile".repeat(100)).contains("Er zijn geen huishoudens"
                + " die passen bij deze zoekopdracht en filters."));
    }

    @Test
    void aBuddySearchesTheirFamiliesByNameOnlyAndSeesNoOfficerControls() {
        String page = page(DemoData.ZWOLLE_BUDDY, "/dashboard");
        String filtered = page(DemoData.ZWOLLE_BUDDY, "/dashboard?stage=ARRIVAL&overdue=true&sort=reference");
        String none = page(DemoData.ZWOLLE_BUDDY, "/dashboard?q=al-khatib");

        assertEquals(List.of("Familie Haile"), names(page));
        assertEquals(List.of("Familie Haile"), names(filtered), "officer filters are ignored for a buddy");
        assertTrue(page.contains("<label for=\"q\">Naam</label>"), page);
        for (String hidden : new String[] {"id=\"stage\"", "id=\"nationality\"", "id=\"overdue\"", "id=\"buddy\"",
                "Nieuw huishouden", "Importeren", "WLK-2026-0001", "Eritrea", "Referentie"}) {
            assertFalse(page.contains(hidden), "a buddy does not get " + hidden);
        }
        assertTrue(none.contains("Er zijn geen huishoudens die passen bij deze zoekopdracht en filters."), none);
    }

    @Test
    void eachListReadIsAuditedOnce() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        long before = demo.queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'household.list'");

        web.send(HttpRequest.GET("/dashboard?q=noor").cookie(officer));
        web.send(HttpRequest.GET("/dashboard?page=3").cookie(officer));

        assertEquals(before + 2, demo.queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'household.list'"));
    }

    @Test
    void otherRolesGetTheForbiddenPage() {
        HttpResponse<String> admin = web.send(HttpRequest.GET("/dashboard?q=haile").cookie(web.session(DemoData.ADMIN)));
        HttpResponse<String> anonymous = web.send(HttpRequest.GET("/dashboard?q=haile"));

        assertEquals(403, admin.code());
        assertEquals(303, anonymous.code());
        assertEquals("/login", anonymous.header(HttpHeaders.LOCATION));
    }

    /** The names of the households listed, in order. */
    private static List<String> names(String page) {
        List<String> names = new ArrayList<>();
        Matcher name = ROW_NAME.matcher(page);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private String page(String username, String path, String... headers) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).cookie(web.session(username));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = web.send(request);
        assertEquals(200, response.code(), path + ": " + response.getBody(String.class).orElse(""));
        String type = response.header(HttpHeaders.CONTENT_TYPE);
        assertNotNull(type);
        assertTrue(type.startsWith("text/html"), type);
        return response.getBody(String.class).orElse("");
    }
}
