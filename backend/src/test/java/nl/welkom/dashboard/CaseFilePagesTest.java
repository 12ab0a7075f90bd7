package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** The case-file pages over plain HTTP on the shipped demo data: forms, errors beside their fields, scope, roles. */
@MicronautTest(transactional = false)
class CaseFilePagesTest extends DemoPagesTest {
    private static final Pattern CREATED = Pattern.compile("/dashboard/households/([0-9a-f-]{36})#casefile");

    @Test
    void theNewHouseholdFormSuggestsAReferenceAndSpeaksDutch() {
        HttpResponse<String> page = web.send(HttpRequest.GET("/dashboard/households/new").cookie(officer()));

        assertEquals(200, page.code());
        String html = body(page);
        assertTrue(html.contains("<h1>Nieuw huishouden</h1>"), html);
        assertTrue(Pattern.compile("id=\"f-reference\" name=\"reference\" value=\"WLK-\\d{4}-\\d{4}\"").matcher(html).find(), html);
        assertTrue(html.contains("Eritrea") && html.contains("Tigrinya"), "countries and languages by name");
        assertTrue(html.contains("Via een opvanglocatie (azc)"), "arrival paths in the shared words");
    }

    @Test
    void aFormWithMistakesComesBackWithEachMessageBesideItsFieldAndStoresNothing() {
        long before = demo.queryLong("SELECT count(*) FROM household");
        Map<String, String> form = validHousehold("WLK-FOUT-1");
        form.put("displayName", "  ");
        form.put("expectedArrival", "1999-12-31");
        form.put("campOfOrigin", "Kakuma <Kenya>");

        HttpResponse<String> page = web.send(post("/dashboard/households/new", form, officer()));

        assertEquals(400, page.code());
        String html = body(page);
        assertTrue(html.contains("Controleer de volgende gegevens"), html);
        assertTrue(html.contains("href=\"#f-displayName\">Vul dit in.</a>"), html);
        assertTrue(html.contains("id=\"e-displayName\">Vul dit in.</p>"), html);
        assertTrue(Pattern.compile("id=\"f-displayName\" name=\"displayName\"[^>]*aria-invalid=\"true\"[^>]*"
                + "aria-describedby=\"h-displayName e-displayName\"").matcher(html).find(), html);
        assertTrue(html.contains("Kies een datum van 2000-01-01 tot en met 2100-12-31."), html);
        assertTrue(html.contains("value=\"Kakuma &lt;Kenya&gt;\""), "the values are kept, escaped");
        assertTrue(html.contains("<option value=\"ti\" selected=\"selected\">"), html);
        assertEquals(1, html.split("name=\"firstLanguage\"", -1).length - 1, "one field per name");
        assertFalse(html.contains("name=\"\""), "no field without a name");
        assertTrue(html.contains("<option value=\"ER\" selected=\"selected\">"), html);
        assertEquals(before, demo.queryLong("SELECT count(*) FROM household"));
    }

    @Test
    void anOfficerCreatesAHouseholdAndFindsItsCaseFileOnItsPage() {
        HttpResponse<String> created = web.send(post("/dashboard/households/new", validHousehold("WLK-NIEUW-1"), officer()));

        assertEquals(303, created.code(), body(created));
        Matcher location = CREATED.matcher(created.header(HttpHeaders.LOCATION));
        assertTrue(location.matches(), created.header(HttpHeaders.LOCATION));
        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + location.group(1)).cookie(officer())));
        assertTrue(page.contains("Familie Nieuw"), page);
        assertTrue(page.contains("<h2 id=\"casefile\">Dossiergegevens</h2>"), page);
        assertTrue(page.contains("Selectiemissie (gesprek tijdens een missie)"), page);
        assertTrue(page.contains("15 maart 2027"), "dates the Dutch way");
        assertTrue(page.contains("azc Budel"), page);
    }

    @Test
    void theSpecialNeedsOfTheDemoAreOnTheOfficersPageOnly() {
        String warsame = web.householdId(DemoData.DEVENTER_OFFICER, "Familie Warsame");
        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + warsame).cookie(web.session(DemoData.DEVENTER_OFFICER))));

        assertTrue(page.contains("Alleenstaande ouder") && page.contains("Medisch") && page.contains("Epilepsie"), page);
        assertTrue(page.contains("3 september 2016"), "Abdi's date of birth");

        String haile = web.householdId(DemoData.ZWOLLE_BUDDY, "Familie Haile");
        String buddyPage = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(web.session(DemoData.ZWOLLE_BUDDY))));
        assertTrue(buddyPage.contains("Familie Haile"));
        assertFalse(buddyPage.contains("Dossiergegevens") || buddyPage.contains("casefile"), buddyPage);
        assertFalse(buddyPage.contains("Selectiemissie"));
    }

    @Test
    void otherRolesAndOtherMunicipalitiesCannotReachTheForms() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);
        for (String path : new String[] {"/edit", "/members/new", "/special-needs/new", "/move"}) {
            HttpResponse<String> response = web.send(HttpRequest.GET("/dashboard/households/" + haile + path).cookie(deventer));
            assertEquals(404, response.code(), path);
            assertFalse(body(response).contains("Familie Haile"), path);
        }
        assertEquals(404, web.send(post("/dashboard/households/" + haile + "/edit", validHousehold("X"), deventer)).code());
        assertEquals(404, web.send(post("/dashboard/households/" + haile + "/move",
                Map.of("municipality", "deventer", "confirmed", "yes"), deventer)).code());
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/households/new").cookie(web.session(DemoData.ZWOLLE_BUDDY))).code());
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/households/import").cookie(web.session(DemoData.ADMIN))).code());
        assertEquals(403, web.send(post("/dashboard/households/new", validHousehold("WLK-BUDDY"),
                web.session(DemoData.ZWOLLE_BUDDY))).code());
        assertEquals("/login", web.send(HttpRequest.GET("/dashboard/households/new")).header(HttpHeaders.LOCATION));
        assertEquals(0, demo.queryLong("SELECT count(*) FROM household WHERE reference = 'WLK-BUDDY'"));
    }

    @Test
    void anEditAfterSomeoneElsesSaveShowsAWarningAndKeepsTheValues() {
        String id = create("WLK-VERSIE-1");
        Map<String, String> form = validHousehold("WLK-VERSIE-1");
        form.put("version", "1");
        form.put("displayName", "Familie Eerst");
        assertEquals(303, web.send(post("/dashboard/households/" + id + "/edit", form, officer())).code());

        form.put("displayName", "Familie Later");
        HttpResponse<String> stale = web.send(post("/dashboard/households/" + id + "/edit", form, officer()));

        assertEquals(409, stale.code());
        assertTrue(body(stale).contains("Iemand anders heeft dit huishouden gewijzigd"), body(stale));
        assertTrue(body(stale).contains("value=\"Familie Later\""));
        assertTrue(body(stale).contains("name=\"version\" value=\"2\""), "saving again applies the officer's version");
    }

    @Test
    void membersAndNeedsAreAddedAndRemovedThroughTheForms() {
        String id = create("WLK-LEDEN-1");
        HttpResponse<String> wrongYear = web.send(post("/dashboard/households/" + id + "/members/new",
                Map.of("displayName", "", "birthYear", "19x5", "firstLanguage", "ti"), officer()));
        assertEquals(400, wrongYear.code());
        assertTrue(body(wrongYear).contains("Vul een jaartal in cijfers in, bijvoorbeeld 1990."), body(wrongYear));
        assertTrue(body(wrongYear).contains("href=\"#f-displayName\""), "every mistake at once");

        assertEquals(303, web.send(post("/dashboard/households/" + id + "/members/new",
                Map.of("displayName", "Selam", "birthDate", "2015-04-02", "firstLanguage", "ti", "language-en", "on"),
                officer())).code());
        String member = Pattern.compile("/members/([0-9a-f-]{36})/edit").matcher(page(id)).results()
                .findFirst().orElseThrow().group(1);
        assertTrue(page(id).contains("2 april 2015"));

        assertEquals(303, web.send(post("/dashboard/households/" + id + "/special-needs/new",
                Map.of("kind", "MEDICAL", "memberId", member, "note", "Astma, inhaler mee"), officer())).code());
        assertTrue(page(id).contains("Astma, inhaler mee"));
        HttpResponse<String> noKind = web.send(post("/dashboard/households/" + id + "/special-needs/new",
                Map.of("note", "zonder soort"), officer()));
        assertEquals(400, noKind.code());
        String need = Pattern.compile("/special-needs/([0-9a-f-]{36})/remove").matcher(page(id)).results()
                .findFirst().orElseThrow().group(1);
        assertEquals(303, web.send(post("/dashboard/households/" + id + "/special-needs/" + need + "/remove", Map.of(),
                officer())).code());
        assertFalse(page(id).contains("Astma"));

        String confirm = body(web.send(HttpRequest.GET("/dashboard/households/" + id + "/members/" + member + "/remove")
                .cookie(officer())));
        assertTrue(confirm.contains("Weet u zeker dat u Selam uit dit huishouden wilt verwijderen?"), confirm);
        assertEquals(303, web.send(post("/dashboard/households/" + id + "/members/" + member + "/remove", Map.of(),
                officer())).code());
        assertFalse(page(id).contains("Selam"));
    }

    @Test
    void aMoveIsConfirmedFirstThenTheOldOfficerLosesTheHouseholdAndTheNewOneHasIt() {
        String id = create("WLK-VERHUIS-1");
        HttpResponse<String> none = web.send(post("/dashboard/households/" + id + "/move", Map.of(), officer()));
        assertEquals(400, none.code());

        HttpResponse<String> confirm = web.send(post("/dashboard/households/" + id + "/move",
                Map.of("municipality", "deventer"), officer()));
        assertEquals(200, confirm.code());
        assertTrue(body(confirm).contains("Weet u zeker dat u Familie Nieuw (referentie WLK-VERHUIS-1) wilt verhuizen naar Gemeente Deventer?"),
                body(confirm));
        assertEquals(1, demo.queryLong("SELECT count(*) FROM household WHERE id = ? AND municipality_id ="
                + " (SELECT id FROM municipality WHERE slug = 'zwolle')", id), "nothing moved before the confirmation");

        HttpResponse<String> moved = web.send(post("/dashboard/households/" + id + "/move",
                Map.of("municipality", "deventer", "confirmed", "yes"), officer()));
        assertEquals(303, moved.code());
        String movePage = body(web.send(HttpRequest.GET(moved.header(HttpHeaders.LOCATION)).cookie(officer())));
        assertTrue(movePage.contains("is op ") && movePage.contains("verhuisd naar Gemeente Deventer"), movePage);
        assertEquals(404, web.send(HttpRequest.GET("/dashboard/households/" + id).cookie(officer())).code());
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);
        assertEquals(200, web.send(HttpRequest.GET("/dashboard/households/" + id).cookie(deventer)).code());
        assertTrue(body(web.send(HttpRequest.GET(moved.header(HttpHeaders.LOCATION)).cookie(deventer)))
                .contains("vanuit Gemeente Zwolle naar uw gemeente verhuisd"));
    }

    @Test
    void theTemplateIsUtf8WithAByteOrderMarkAndDutchHeaders() {
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET("/dashboard/households/import/template.csv")
                .cookie(officer()), byte[].class);

        assertEquals(200, response.code());
        assertTrue(response.header(HttpHeaders.CONTENT_TYPE).startsWith("text/csv"));
        assertTrue(response.header("Content-Disposition").contains("attachment"));
        byte[] bytes = response.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFhuishouden;referentie;naam_huishouden;"), text);
        assertEquals(3, text.split("\r\n", -1).length, "a header, one example row and the final line break");
    }

    @Test
    void theTemplateImportsAsItIsAndAnInvalidFileShowsItsErrorsInATable() {
        byte[] template = http.toBlocking().exchange(HttpRequest.GET("/dashboard/households/import/template.csv")
                .cookie(officer()), byte[].class).body();
        HttpResponse<String> imported = web.send(upload(template, "all"));
        assertEquals(200, imported.code(), body(imported));
        assertTrue(body(imported).contains("Geïmporteerd: 1 huishoudens met samen 1 leden."), body(imported));
        assertTrue(body(imported).contains("Familie Tesfay"));

        byte[] invalid = "huishouden;naam_huishouden;aankomstroute;naam;geboortejaar;talen\n1;Familie Fout;direct;Amina;19x5;ti\n"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = web.send(upload(invalid, "all"));
        assertEquals(400, refused.code());
        String html = body(refused);
        assertTrue(html.contains("Er is niets geïmporteerd."), html);
        assertTrue(Pattern.compile("<td class=\"num\">2</td>\\s*<td>geboortejaar</td>\\s*<td>19x5</td>\\s*"
                + "<td>Vul een jaartal in cijfers in, bijvoorbeeld 1990.</td>").matcher(html).find(), html);

        // What a browser sends when no file was chosen: an empty part with an empty file name.
        String boundary = "----welkomtest";
        String empty = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"mode\"\r\n\r\nall\r\n--" + boundary + "--\r\n";
        java.net.http.HttpResponse<String> noFile = rawPost("/dashboard/households/import",
                "multipart/form-data; boundary=" + boundary, empty);
        assertEquals(400, noFile.statusCode());
        assertTrue(noFile.body().contains("Kies een CSV-bestand."), noFile.body());
    }

    @Test
    void anUploadFromOlderExcelInWindows1252KeepsItsAccents() {
        byte[] file = "huishouden;naam_huishouden;aankomstroute;naam;talen\r\n1;Familie Moïse;direct;Zoé Dufrène;fr\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        HttpResponse<String> page = web.send(upload(file, "all"));

        assertEquals(200, page.code(), body(page));
        assertTrue(body(page).contains("Familie Moïse"), body(page));
        assertEquals(1, demo.queryLong("SELECT count(*) FROM member WHERE display_name = 'Zoé Dufrène'"));
    }

    @Test
    void aFileOverTwoMegabytesGetsAClearMessageOnThePage() {
        byte[] large = new byte[2 * 1024 * 1024 + 10];
        Arrays.fill(large, (byte) 'a');

        HttpResponse<String> page = web.send(upload(large, "all"));

        assertEquals(400, page.code());
        assertTrue(body(page).contains("Het bestand is groter dan 2 MB."), body(page));
    }

    @Test
    void thePagesSpeakEnglishOnRequest() {
        HttpResponse<String> page = web.send(HttpRequest.GET("/dashboard/households/import").cookie(officer())
                .cookie(Cookie.of(DashboardLocale.COOKIE, "en")));

        assertTrue(body(page).contains("<h1>Import households</h1>"), body(page));
        assertTrue(body(page).contains("Keeps the rows of one household together"));
    }

    // ---- helpers

    private String create(String reference) {
        HttpResponse<String> created = web.send(post("/dashboard/households/new", validHousehold(reference), officer()));
        assertEquals(303, created.code(), body(created));
        Matcher location = CREATED.matcher(created.header(HttpHeaders.LOCATION));
        assertTrue(location.matches());
        return location.group(1);
    }

    private String page(String id) {
        return body(web.send(HttpRequest.GET("/dashboard/households/" + id).cookie(officer())));
    }

    private static Map<String, String> validHousehold(String reference) {
        Map<String, String> form = new HashMap<>();
        form.put("reference", reference);
        form.put("displayName", "Familie Nieuw");
        form.put("nationality", "ER");
        form.put("campOfOrigin", "Shire");
        form.put("selectionRoute", "SELECTION_MISSION");
        form.put("expectedArrival", "2027-03-15");
        form.put("arrivedOn", "");
        form.put("arrivalPath", "RECEPTION_CENTRE");
        form.put("receptionLocation", "azc Budel");
        form.put("stage", "PRE_DEPARTURE");
        form.put("firstLanguage", "ti");
        form.put("language-en", "on");
        return form;
    }

    private MutableHttpRequest<?> upload(byte[] file, String mode) {
        return HttpRequest.POST("/dashboard/households/import", MultipartBody.builder()
                        .addPart("file", "lijst.csv", MediaType.of("text/csv"), file)
                        .addPart("mode", mode)
                        .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .cookie(officer())
                .header("Origin", web.origin());
    }

    /** A request as a browser sends it, bytes as they are (the framework's client cannot send a hand-made multipart body). */
    private java.net.http.HttpResponse<String> rawPost(String path, String contentType, String body) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(web.origin() + path))
                    .header("Content-Type", contentType)
                    .header("Cookie", SessionController.COOKIE + "=" + officer().getValue())
                    .header("Origin", web.origin())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private MutableHttpRequest<?> post(String path, Map<String, String> form, Cookie session) {
        return web.sameOrigin(HttpRequest.POST(path, form).cookie(session));
    }

    private Cookie officer() {
        return web.session(DemoData.ZWOLLE_OFFICER);
    }
}
