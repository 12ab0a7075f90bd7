package nl.welkom.housing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may use housing's API: officers of the household's or period's municipality only. For every
 * endpoint: an officer of another municipality gets 404, a buddy (even one matched to the
 * household) 403, a newcomer's phone (even for its own household) 403, an editor and an
 * administrator 403, no token 401 — always a problem body, and a refused request changes nothing.
 * Periods of this class lie in 2080.
 */
class HousingAuthorisationApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String household;
    private static String period;
    private static String offer;
    private static String device;

    @BeforeAll
    static void data() throws SQLException {
        officer = API.login(Fixtures.OFFICER);
        household = Fixtures.householdId(API, officer, "T-SCOPE");
        try (Connection db = TestServer.get().database()) {
            String other = TestHouseholds.insert(db, TestHouseholds.municipalityId(db, "testdorp"), "HZ-LINKED", "ER",
                    "Shimelba", null, null, 2);
            Api.Response created = API.post("/api/housing/periods", officer,
                    Map.of("label", "2080-1", "startsOn", "2080-01-01", "endsOn", "2080-06-30", "targetPersons", 5));
            assertEquals(201, created.status(), created.body());
            period = created.as(HousingWire.PeriodDetail.class).period().id();
            assertEquals(201, API.post("/api/housing/periods/" + period + "/households", officer,
                    Map.of("householdId", other)).status());
        }
        Api.Response offered = API.post("/api/households/" + household + "/housing-offers", officer, offerBody());
        assertEquals(201, offered.status(), offered.body());
        offer = offered.as(HousingWire.OfferInfo.class).id();
        device = Fixtures.device(API, "T-SCOPE").token();
    }

    /** Every endpoint, with a body where it takes one. */
    private static List<Call> calls() {
        String periodPath = "/api/housing/periods/" + period;
        String offers = "/api/households/" + household + "/housing-offers";
        String periodBody = API.json(Map.of("label", "2080-X", "startsOn", "2080-07-01", "endsOn", "2080-12-31",
                "targetPersons", 9));
        return List.of(
                new Call("GET", "/api/housing/periods", null),
                new Call("POST", "/api/housing/periods", periodBody),
                new Call("GET", periodPath, null),
                new Call("PUT", periodPath, periodBody),
                new Call("DELETE", periodPath, null),
                new Call("POST", periodPath + "/households", API.json(Map.of("householdId", household))),
                new Call("DELETE", periodPath + "/households/" + household, null),
                new Call("GET", offers, null),
                new Call("POST", offers, API.json(offerBody())),
                new Call("GET", offers + "/" + offer, null),
                new Call("PUT", offers + "/" + offer, API.json(offerBody())),
                new Call("GET", "/api/households/" + household + "/group-suggestions", null));
    }

    @Test
    void anonymousCallersGet401OnEveryEndpoint() {
        assertEveryCall(null, 401);
    }

    @Test
    void aBuddyMatchedToTheHouseholdGets403OnEveryEndpoint() {
        assertEveryCall(API.login(Fixtures.BUDDY), 403);
    }

    @Test
    void aNewcomersPhoneGets403EvenForItsOwnHousehold() {
        assertEveryCall(device, 403);
    }

    @Test
    void editorsAndAdministratorsGet403OnEveryEndpoint() {
        assertEveryCall(API.login(Fixtures.EDITOR), 403);
        assertEveryCall(API.login(Fixtures.ADMIN), 403);
    }

    @Test
    void anOfficerOfAnotherMunicipalityGets404ForThisMunicipalitysPeriodsHouseholdsAndOffers() {
        String other = API.login(Fixtures.OTHER_OFFICER);
        long before = state();
        for (Call call : calls()) {
            if (call.path().equals("/api/housing/periods")) {
                continue; // the collection itself is the caller's own municipality's: checked below
            }
            API.send(call.method(), call.path(), other, call.body(), "Content-Type", "application/json").problem(404);
        }
        assertEquals(before, state(), "nothing changed");

        List<HousingWire.PeriodInfo> own = API.get("/api/housing/periods", other).asListOf(HousingWire.PeriodInfo.class);
        assertFalse(own.stream().anyMatch(p -> p.id().equals(period)), "another municipality's periods are not listed");
        Api.Response created = API.post("/api/housing/periods", other,
                Map.of("label", "2081-1", "startsOn", "2081-01-01", "endsOn", "2081-06-30", "targetPersons", 3));
        assertEquals(201, created.status(), created.body());
        String theirs = created.as(HousingWire.PeriodDetail.class).period().id();
        API.post("/api/housing/periods/" + theirs + "/households", other, Map.of("householdId", household)).problem(404);
        assertTrue(API.get("/api/housing/periods/" + theirs, other).as(HousingWire.PeriodDetail.class).households()
                .isEmpty());
        API.get("/api/housing/periods/" + theirs, officer).problem(404);
    }

    private static void assertEveryCall(String token, int status) {
        long before = state();
        for (Call call : calls()) {
            Api.Response response = API.send(call.method(), call.path(), token, call.body(),
                    "Content-Type", "application/json");
            assertEquals(status, response.status(), call + " → " + response.body());
            response.problem(status);
        }
        assertEquals(before, state(), "nothing changed");
    }

    /** A fingerprint of housing's tables: counts and the period's and offer's current values. */
    private static long state() {
        TestServer server = TestServer.get();
        return server.queryLong("SELECT count(*) FROM quota_period") * 1_000_000
                + server.queryLong("SELECT count(*) FROM quota_link") * 10_000
                + server.queryLong("SELECT count(*) FROM housing_offer") * 100
                + server.queryLong("SELECT target_persons FROM quota_period WHERE id = ?", period)
                + server.queryLong("SELECT updated_at FROM housing_offer WHERE id = ?", offer) % 97;
    }

    private static Map<String, Object> offerBody() {
        return Map.of("street", "Dorpsstraat", "houseNumber", "1", "postcode", "1234 AB", "city", "Testdorp",
                "offeredOn", "2026-10-01", "status", "OFFERED");
    }

    private record Call(String method, String path, String body) {
    }
}
