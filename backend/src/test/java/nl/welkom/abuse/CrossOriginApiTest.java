package nl.welkom.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's session cookie on the API, with the server addressed as {@code welkom.example}:
 * writes from another origin (another port, a sibling subdomain, {@code Origin: null}, a foreign
 * Referer) are refused with a 403 problem before anything happens; writes from the dashboard's own
 * origin, reads, and bearer-token requests go through.
 */
class CrossOriginApiTest {
    private static final TestServer SERVER = TestServer.get();
    private static final Api API = new Api(SERVER);
    private static final String SELF = "https://welkom.example";

    @Test
    void cookieWritesFromAnotherPortASiblingSubdomainANullOriginOrAForeignRefererAreRefusedAndChangeNothing() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-PAGE");
        long codesBefore = codes(household);
        String[][] foreign = {
            {"Origin", "https://welkom.example:8443"},
            {"Origin", "https://evil.welkom.example"},
            {"Origin", "https://welkom.example.evil.test"},
            {"Origin", "null"},
            {"Referer", "https://welkom.example:8443/evil.html"},
            {"Referer", "https://uploads.welkom.example/page.html"},
        };
        int refused = 0;
        for (String[] header : foreign) {
            RawHttp.Answer answer = RawHttp.send("POST", "/api/households/" + household + "/activation-codes", "",
                    "Cookie", "WELKOM_SESSION=" + officer, header[0], header[1]);
            assertEquals(403, answer.status(), header[1] + ": " + answer.body());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
            assertTrue(answer.body().contains("/problems/cross-origin"), answer.body());
            refused++;
        }

        System.out.println("CrossOriginApiTest: " + foreign.length + " cross-origin cookie writes, " + refused
                + " refused with 403, " + (codes(household) - codesBefore) + " codes created");
        assertEquals(codesBefore, codes(household), "no code was created");
    }

    @Test
    void aCrossOriginPageCannotRevokeAPhoneWithTheOfficersCookie() {
        String officer = API.login(Fixtures.OFFICER);
        Session phone = Fixtures.device(API, "T-DEVICE");

        RawHttp.Answer answer = RawHttp.send("POST", "/api/devices/" + phone.deviceId() + "/revoke", "",
                "Cookie", "WELKOM_SESSION=" + officer, "Origin", "https://other.welkom.example");

        assertEquals(403, answer.status(), answer.body());
        assertEquals(200, API.get("/api/me", phone.token()).status(), "the phone still works");
        assertEquals(0, SERVER.queryLong("SELECT count(*) FROM device WHERE id = ? AND revoked_at IS NOT NULL",
                phone.deviceId()));
    }

    @Test
    void cookieWritesFromTheSameOriginOrWithoutOriginAndCookieReadsStillWork() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-PAGE");
        String path = "/api/households/" + household + "/activation-codes";

        RawHttp.Answer sameOrigin = RawHttp.send("POST", path, "", "Cookie", "WELKOM_SESSION=" + officer,
                "Origin", SELF);
        RawHttp.Answer sameOriginReferer = RawHttp.send("POST", path, "", "Cookie", "WELKOM_SESSION=" + officer,
                "Referer", SELF + "/dashboard/households/" + household);
        RawHttp.Answer noBrowser = RawHttp.send("POST", path, "", "Cookie", "WELKOM_SESSION=" + officer);
        RawHttp.Answer crossOriginRead = RawHttp.send("GET", "/api/households/" + household, null,
                "Cookie", "WELKOM_SESSION=" + officer, "Origin", "https://evil.welkom.example");

        assertEquals(201, sameOrigin.status(), sameOrigin.body());
        assertEquals(201, sameOriginReferer.status(), sameOriginReferer.body());
        assertEquals(201, noBrowser.status(), noBrowser.body());
        assertEquals(200, crossOriginRead.status(), "reads change nothing; a browser keeps the answer from the other page");
    }

    @Test
    void bearerRequestsAreNotAffectedByOriginEvenWithACookieBeside() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-PAGE");
        String path = "/api/households/" + household + "/activation-codes";

        RawHttp.Answer bearer = RawHttp.send("POST", path, "", "Authorization", "Bearer " + officer,
                "Origin", "https://app.example");
        RawHttp.Answer bearerAndCookie = RawHttp.send("POST", path, "", "Authorization", "Bearer " + officer,
                "Origin", "null", "Cookie", "WELKOM_SESSION=" + officer);

        assertEquals(201, bearer.status(), bearer.body());
        assertEquals(201, bearerAndCookie.status(), bearerAndCookie.body());
    }

    private static long codes(String household) {
        return SERVER.queryLong("SELECT count(*) FROM activation_code WHERE household_id = ?", household);
    }
}
