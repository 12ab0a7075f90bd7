package nl.welkom.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.casefile.HouseholdCommand;
import nl.welkom.casefile.HouseholdDetails;
import nl.welkom.casefile.MemberCommand;

/** The GDPR's dashboard pages over HTTP: the household page's part, the download, the confirmation, the warning list. */
class GdprPagesTest {
    private static final Api API = new Api();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theOfficerDownloadsTheExportFromTheHouseholdPageAndErasesItAfterTypingItsReference() {
        CanaryHousehold household = new CanaryHousehold().seed(API);
        String cookie = session(Fixtures.OFFICER);
        String page = "/dashboard/households/" + household.id;

        HttpResponse<String> shown = get(page, cookie);
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("href=\"" + page + "/export\""), "the download link");
        assertTrue(shown.body().contains("href=\"" + page + "/erase\""), "the erase link");
        HttpResponse<String> download = get(page + "/export", cookie);
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(download.body().contains(household.canaries.get(0)));

        HttpResponse<String> confirm = get(page + "/erase", cookie);
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains(household.reference));
        HttpResponse<String> wrong = post(page + "/erase", cookie, Map.of("confirmReference", "verkeerd"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("aria-invalid=\"true\""), wrong.body());
        assertTrue(wrong.body().contains("aria-describedby=\"confirmReference-error\""));
        assertTrue(wrong.body().contains("value=\"verkeerd\""));
        assertEquals(200, get(page, cookie).statusCode(), "nothing was erased");

        HttpResponse<String> erased = post(page + "/erase", cookie, Map.of("confirmReference", household.reference));
        assertEquals(303, erased.statusCode());
        assertEquals("/dashboard/gdpr?erased=1", erased.headers().firstValue("Location").orElse(""));
        assertEquals(404, get(page, cookie).statusCode());
        assertTrue(get("/dashboard/gdpr?erased=1", cookie).body().contains("class=\"notice\""));
        assertEquals(List.of(), household.hits().hits());
    }

    @Test
    void theWarningPageListsAHouseholdThatTheRetentionRuleErasesWithinThirtyDays() {
        String officer = API.login(Fixtures.OFFICER);
        String reference = "GDPR-SOON-" + System.nanoTime();
        HouseholdDetails created = API.post("/api/households", officer, new HouseholdCommand(reference,
                "Familie Bijna Gewist", "SY", null, "DOSSIER", null, "2019-01-10", "RECEPTION_CENTRE", null,
                "SETTLED", List.of("ar"), null, List.of(new MemberCommand("Rania", 1985, null, null, List.of("ar")))))
                .as(HouseholdDetails.class);
        String member = created.members().get(0).id();
        String integration = "/api/households/" + created.id() + "/integration/members/" + member;
        assertEquals(200, API.put(integration + "/obligation", officer, Map.of("obliged", true)).status());
        LocalDate established = LocalDate.now(CanaryHousehold.AMSTERDAM).minusYears(5).plusDays(10);
        assertEquals(201, API.post(integration + "/plan", officer, Map.of("route", "B1",
                "establishedOn", established.toString())).status());
        String cookie = session(Fixtures.OFFICER);

        HttpResponse<String> list = get("/dashboard/gdpr", cookie);
        HttpResponse<String> english = send(HttpRequest.newBuilder(URI.create(TestServer.get().url("/dashboard/gdpr")))
                .header("Cookie", cookie).header("Accept-Language", "en").GET().build());
        HttpResponse<String> household = get("/dashboard/households/" + created.id(), cookie);

        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(reference + " — Familie Bijna Gewist"), list.body());
        assertTrue(list.body().contains("Wordt binnen 30 dagen gewist"));
        assertTrue(english.body().contains("To be erased within 30 days"));
        assertTrue(household.body().contains("class=\"alert\" role=\"status\""), "the household page warns too");
        assertTrue(household.body().contains("automatisch gewist"));
    }

    @Test
    void onlyAnOfficerOfTheMunicipalityReachesThePagesAndARefusedPostErasesNothing() {
        String household = Fixtures.householdId(API, API.login(Fixtures.OFFICER), "T-MIX-B");
        String page = "/dashboard/households/" + household;
        String other = session(Fixtures.OTHER_OFFICER);
        String buddy = session(Fixtures.BUDDY);

        assertEquals(404, get(page + "/erase", other).statusCode());
        assertEquals(404, get(page + "/export", other).statusCode());
        assertEquals(404, post(page + "/erase", other, Map.of("confirmReference", "T-MIX-B")).statusCode());
        assertEquals(403, get("/dashboard/gdpr", buddy).statusCode());
        assertEquals(403, get(page + "/erase", buddy).statusCode());
        assertEquals(403, post(page + "/erase", buddy, Map.of("confirmReference", "T-MIX-B")).statusCode());
        assertEquals(303, get("/dashboard/gdpr", null).statusCode());
        assertEquals(200, get(page, session(Fixtures.OFFICER)).statusCode());
        assertEquals(0, TestServer.get().queryLong("SELECT count(*) FROM household WHERE id = ? AND erased_at IS NOT NULL",
                household));
    }

    private static String session(String username) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(TestServer.get().url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", "test-password"))))
                .build());
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("WELKOM_SESSION="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst().orElseThrow();
    }

    private static HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.get().url(path))).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    private static HttpResponse<String> post(String path, String cookie, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(TestServer.get().url(path)))
                .header("Cookie", cookie)
                .header("Origin", TestServer.get().url("").replaceAll("/$", ""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
