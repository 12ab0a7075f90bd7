package nl.welkom.housing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Housing's API as an officer uses it: quota periods (create, edit, remove, validation), linking
 * households, housing offers (validation, one accepted offer, decline reasons) and group-settlement
 * suggestions, on the shared test server. Periods of this class lie in the 2090s so they overlap no
 * other test's periods.
 */
class HousingApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String eritrean;
    private static String sameCampNoCountry;
    private static String otherCamp;
    private static String otherNationality;
    private static String otherMunicipality;
    private static String offers;
    private static String linkA;
    private static String linkB;

    @BeforeAll
    static void households() throws SQLException {
        officer = API.login(Fixtures.OFFICER);
        try (Connection db = TestServer.get().database()) {
            String testdorp = TestHouseholds.municipalityId(db, "testdorp");
            String anderstad = TestHouseholds.municipalityId(db, "anderstad");
            eritrean = TestHouseholds.insert(db, testdorp, "HA-ERI-1", "ER", "Shimelba, Ethiopia", "2026-03-12", null, 3);
            sameCampNoCountry = TestHouseholds.insert(db, testdorp, "HA-ERI-2", "ER", "  SHIMELBA ", null, "2090-02-01", 2);
            otherCamp = TestHouseholds.insert(db, testdorp, "HA-ERI-3", "ER", "Mai Aini, Ethiopia", "2026-01-05", null, 4);
            otherNationality = TestHouseholds.insert(db, testdorp, "HA-SOM", "SO", "Shimelba, Ethiopia", "2026-01-05", null, 4);
            otherMunicipality = TestHouseholds.insert(db, anderstad, "HA-ERI-A", "ER", "Shimelba, Ethiopia", "2026-02-02", null, 5);
            offers = TestHouseholds.insert(db, testdorp, "HA-OFFERS", "SY", null, null, null, 2);
            linkA = TestHouseholds.insert(db, testdorp, "HA-LINK-A", "AF", null, null, "2090-03-01", 3);
            linkB = TestHouseholds.insert(db, testdorp, "HA-LINK-B", "AF", null, null, null, 1);
        }
    }

    @Test
    void anOfficerCreatesAPeriodAndSeesItWithItsTargetInPersons() {
        Api.Response created = API.post("/api/housing/periods", officer, period("2090-1", "2090-01-01", "2090-06-30", 22));

        assertEquals(201, created.status(), created.body());
        HousingWire.PeriodDetail detail = created.as(HousingWire.PeriodDetail.class);
        assertEquals("2090-1", detail.period().label());
        assertEquals(22, detail.period().targetPersons());
        assertEquals(0, detail.period().housedPersons());
        assertEquals("UPCOMING", detail.period().phase());
        assertEquals(List.of(), detail.households());
        List<HousingWire.PeriodInfo> listed = API.get("/api/housing/periods", officer).asListOf(HousingWire.PeriodInfo.class);
        assertTrue(listed.stream().anyMatch(p -> p.id().equals(detail.period().id())));
        assertEquals(detail, API.get("/api/housing/periods/" + detail.period().id(), officer).as(HousingWire.PeriodDetail.class));
    }

    @Test
    void aPeriodWithAMissingOrWrongFieldIsRefusedWithTheFieldNamedAndNothingIsStored() {
        long before = periods();

        assertDetail(API.post("/api/housing/periods", officer, period(" ", "2091-01-01", "2091-06-30", 10)), "label");
        assertDetail(API.post("/api/housing/periods", officer, period("2091-1", "2091-13-01", "2091-06-30", 10)), "startsOn");
        assertDetail(API.post("/api/housing/periods", officer, period("2091-1", "1999-12-31", "2091-06-30", 10)),
                "startsOn: Choose a date between 1 January 2000 and 31 December 2100.");
        assertDetail(API.post("/api/housing/periods", officer, period("2091-1", "2091-01-01", "2101-01-01", 10)), "endsOn");
        assertDetail(API.post("/api/housing/periods", officer, period("2091-1", "2091-06-30", "2091-01-01", 10)),
                "endsOn: The last day must come after the first day.");
        assertDetail(API.post("/api/housing/periods", officer, period("2091-1", "2091-01-01", "2091-06-30", 0)),
                "targetPersons: Fill in a whole number from 1 to 100000.");
        assertDetail(API.post("/api/housing/periods", officer, period("2091-1", "2091-01-01", "2091-06-30", -4)), "targetPersons");
        Map<String, Object> noTarget = period("2091-1", "2091-01-01", "2091-06-30", 1);
        noTarget.remove("targetPersons");
        assertDetail(API.post("/api/housing/periods", officer, noTarget), "targetPersons");
        API.post("/api/housing/periods", officer, "{\"label\": \"2091-1\", \"targetPersons\": \"many\"}").problem(400);
        API.post("/api/housing/periods", officer, "not json").problem(400);

        assertEquals(before, periods());
    }

    @Test
    void aSecondPeriodWithTheSameLabelOrOverlappingDatesIsRefused() {
        assertEquals(201, API.post("/api/housing/periods", officer, period("2092-1", "2092-01-01", "2092-06-30", 10)).status());
        long before = periods();

        assertDetail(API.post("/api/housing/periods", officer, period("2092-1", "2093-01-01", "2093-06-30", 10)),
                "label: There is a period with this name already.");
        assertDetail(API.post("/api/housing/periods", officer, period("2092-X", "2092-06-30", "2092-12-31", 10)),
                "endsOn: These dates overlap period 2092-1.");
        assertEquals(before, periods());
    }

    @Test
    void anOfficerChangesAPeriodsTargetAndAWrongChangeLeavesItAsItWas() {
        String id = createPeriod("2093-1", "2093-01-01", "2093-06-30", 10);

        Api.Response changed = API.put("/api/housing/periods/" + id, officer, period("2093-1", "2093-01-01", "2093-06-30", 12));
        Api.Response wrong = API.put("/api/housing/periods/" + id, officer, period("2093-1", "2093-01-01", "2093-06-30", 0));

        assertEquals(200, changed.status(), changed.body());
        assertEquals(12, changed.as(HousingWire.PeriodDetail.class).period().targetPersons());
        wrong.problem(400);
        assertEquals(12, API.get("/api/housing/periods/" + id, officer).as(HousingWire.PeriodDetail.class)
                .period().targetPersons());
        API.put("/api/housing/periods/does-not-exist", officer, period("2093-1", "2093-01-01", "2093-06-30", 3)).problem(404);
    }

    @Test
    void aHouseholdIsLinkedToOnePeriodAtMostAndCanBeUnlinked() {
        String first = createPeriod("2094-1", "2094-01-01", "2094-06-30", 10);
        String second = createPeriod("2094-2", "2094-07-01", "2094-12-31", 10);

        Api.Response linked = API.post("/api/housing/periods/" + first + "/households", officer, Map.of("householdId", linkA));
        Api.Response again = API.post("/api/housing/periods/" + first + "/households", officer, Map.of("householdId", linkA));
        Api.Response elsewhere = API.post("/api/housing/periods/" + second + "/households", officer,
                Map.of("householdId", linkA));

        assertEquals(201, linked.status(), linked.body());
        HousingWire.LinkedHouseholdInfo row = linked.as(HousingWire.PeriodDetail.class).households().get(0);
        assertEquals("HA-LINK-A", row.reference());
        assertEquals(3, row.persons());
        assertEquals("2090-03-01", row.expectedArrival());
        assertFalse(row.housed());
        assertEquals(200, again.status());
        assertTrue(elsewhere.problem(400).detail().contains("householdId: This household counts towards period 2094-1"),
                elsewhere.body());
        assertEquals(0, API.get("/api/housing/periods/" + second, officer).as(HousingWire.PeriodDetail.class)
                .households().size());
        API.post("/api/housing/periods/" + first + "/households", officer, Map.of("householdId", " ")).problem(400);
        API.post("/api/housing/periods/" + first + "/households", officer, Map.of("householdId", "nope")).problem(404);

        assertEquals(204, API.send("DELETE", "/api/housing/periods/" + first + "/households/" + linkA, officer, null).status());
        API.send("DELETE", "/api/housing/periods/" + first + "/households/" + linkA, officer, null).problem(404);
        assertEquals(201, API.post("/api/housing/periods/" + second + "/households", officer,
                Map.of("householdId", linkA)).status());
    }

    @Test
    void aPeriodWithLinkedHouseholdsCannotBeRemovedAndAnEmptyOneCan() {
        String used = createPeriod("2095-1", "2095-01-01", "2095-06-30", 10);
        String empty = createPeriod("2095-2", "2095-07-01", "2095-12-31", 10);
        API.post("/api/housing/periods/" + used + "/households", officer, Map.of("householdId", linkB));

        assertDetail(API.send("DELETE", "/api/housing/periods/" + used, officer, null),
                "period: Unlink every household from this period first.");
        assertEquals(204, API.send("DELETE", "/api/housing/periods/" + empty, officer, null).status());

        assertEquals(200, API.get("/api/housing/periods/" + used, officer).status());
        API.get("/api/housing/periods/" + empty, officer).problem(404);
    }

    @Test
    void anOfferIsRecordedWithItsPostcodeWrittenTheDutchWay() {
        Api.Response created = API.post(offersOf(offers), officer, offer("OFFERED", null, null, null));

        assertEquals(201, created.status(), created.body());
        HousingWire.OfferInfo info = created.as(HousingWire.OfferInfo.class);
        assertEquals("8011 PK", info.postcode());
        assertEquals("Thorbeckegracht", info.street());
        assertEquals(3, info.rooms());
        assertEquals("OFFERED", info.status());
        assertNull(info.declineReason());
        assertEquals(info, API.get(offersOf(offers) + "/" + info.id(), officer).as(HousingWire.OfferInfo.class));
        assertTrue(API.get(offersOf(offers), officer).asListOf(HousingWire.OfferInfo.class).contains(info));
    }

    @Test
    void decliningWithoutAReasonIsRefusedAndStoresNothing() {
        String household = household("HA-DECLINE");
        long before = offersStored();

        assertDetail(API.post(offersOf(household), officer, offer("DECLINED", null, null, null)),
                "declineReason: Choose why the family declined the house.");
        assertDetail(API.post(offersOf(household), officer, offer("DECLINED", "OTHER", null, null)),
                "note: Explain the other reason.");
        assertDetail(API.post(offersOf(household), officer, offer("DECLINED", "TOO_EXPENSIVE", null, null)),
                "declineReason");
        assertDetail(API.post(offersOf(household), officer, offer("ACCEPTED", "TOO_SMALL", null, null)),
                "declineReason: A reason for declining belongs to a declined offer only.");
        assertDetail(API.post(offersOf(household), officer, offer("DECLINED", "TOO_SMALL", null, "2026-11-01")),
                "moveInOn: A declined or withdrawn offer has no move-in date.");
        assertEquals(before, offersStored());

        Api.Response declined = API.post(offersOf(household), officer, offer("DECLINED", "TOO_SMALL", "Twee kamers.", null));
        assertEquals(201, declined.status(), declined.body());
        assertEquals("TOO_SMALL", declined.as(HousingWire.OfferInfo.class).declineReason());
    }

    @Test
    void anOfferWithWrongFieldsIsRefusedFieldByField() {
        String household = household("HA-WRONG");
        long before = offersStored();
        Map<String, Object> body = offer("OFFERED", null, null, null);
        body.put("street", "");
        body.put("postcode", "0123 AB");
        body.put("rooms", 0);
        body.put("offeredOn", "2101-01-01");

        Problem problem = API.post(offersOf(household), officer, body).problem(400);

        assertTrue(problem.detail().contains("street: Fill in this field."), problem.detail());
        assertTrue(problem.detail().contains("postcode: Fill in a Dutch postcode"), problem.detail());
        assertTrue(problem.detail().contains("rooms:"), problem.detail());
        assertTrue(problem.detail().contains("offeredOn: Choose a date between"), problem.detail());
        assertDetail(API.post(offersOf(household), officer, offer("MAYBE", null, null, null)), "status");
        assertDetail(API.post(offersOf(household), officer, offer("ACCEPTED", null, null, "2026-09-30")),
                "moveInOn: The move-in date cannot come before the date of the offer.");
        Map<String, Object> oldDate = offer("OFFERED", null, null, null);
        oldDate.put("offeredOn", "1999-12-31");
        assertDetail(API.post(offersOf(household), officer, oldDate), "offeredOn");
        assertEquals(before, offersStored());
    }

    @Test
    void aHouseholdHasOneAcceptedOfferAtATime() {
        String household = household("HA-ACCEPT");
        HousingWire.OfferInfo first = API.post(offersOf(household), officer, offer("ACCEPTED", null, null, "2026-11-01"))
                .as(HousingWire.OfferInfo.class);
        HousingWire.OfferInfo second = API.post(offersOf(household), officer, offer("OFFERED", null, null, null))
                .as(HousingWire.OfferInfo.class);

        assertDetail(API.put(offersOf(household) + "/" + second.id(), officer, offer("ACCEPTED", null, null, null)),
                "status: This household has an accepted offer already.");
        assertEquals(200, API.put(offersOf(household) + "/" + first.id(), officer,
                offer("WITHDRAWN", null, "De corporatie trekt het aanbod in.", null)).status());
        Api.Response accepted = API.put(offersOf(household) + "/" + second.id(), officer,
                offer("ACCEPTED", null, null, "2026-12-01"));

        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("2026-12-01", accepted.as(HousingWire.OfferInfo.class).moveInOn());
        assertEquals(Set.of("WITHDRAWN", "ACCEPTED"), API.get(offersOf(household), officer)
                .asListOf(HousingWire.OfferInfo.class).stream().map(HousingWire.OfferInfo::status).collect(Collectors.toSet()));
    }

    @Test
    void anOfferIsOnlyReachedThroughItsOwnHousehold() {
        String household = household("HA-OWN");
        String offerId = API.post(offersOf(household), officer, offer("OFFERED", null, null, null))
                .as(HousingWire.OfferInfo.class).id();

        API.get(offersOf(offers) + "/" + offerId, officer).problem(404);
        API.put(offersOf(offers) + "/" + offerId, officer, offer("DECLINED", "TOO_FAR", null, null)).problem(404);
        assertEquals("OFFERED", API.get(offersOf(household) + "/" + offerId, officer).as(HousingWire.OfferInfo.class).status());
    }

    @Test
    void groupSuggestionsNameHouseholdsOfTheSameNationalityAndCampInTheMunicipalityWithTheReason() {
        List<HousingWire.SuggestionInfo> suggestions = API.get("/api/households/" + eritrean + "/group-suggestions",
                officer).asListOf(HousingWire.SuggestionInfo.class);

        Map<String, String> reasons = suggestions.stream()
                .collect(Collectors.toMap(HousingWire.SuggestionInfo::householdId, HousingWire.SuggestionInfo::reason));
        assertEquals("Zelfde nationaliteit (Eritrea) en zelfde kamp (Shimelba), verwacht 1 februari 2090",
                reasons.get(sameCampNoCountry));
        assertFalse(reasons.containsKey(otherCamp), "another camp");
        assertFalse(reasons.containsKey(otherNationality), "another nationality");
        assertFalse(reasons.containsKey(otherMunicipality), "another municipality");
        assertFalse(reasons.containsKey(eritrean), "not itself");

        List<HousingWire.SuggestionInfo> back = API.get("/api/households/" + sameCampNoCountry + "/group-suggestions",
                officer, "Accept-Language", "en").asListOf(HousingWire.SuggestionInfo.class);
        HousingWire.SuggestionInfo first = back.get(0);
        assertEquals(eritrean, first.householdId(), "who arrived first comes first");
        assertEquals("Same nationality (Eritrea) and same camp (SHIMELBA), arrived 12 March 2026", first.reason());
        assertEquals(3, first.persons());
        assertEquals(List.of(), API.get("/api/households/" + offers + "/group-suggestions", officer)
                .asListOf(HousingWire.SuggestionInfo.class), "no camp recorded");
    }

    @Test
    void readingAndChangingOffersIsAuditedWithIdsOnly() {
        String household = household("HA-AUDIT");
        long lists = audit("housing.offer.list", household);
        long creates = audit("housing.offer.create", household);

        API.post(offersOf(household), officer, offer("OFFERED", null, null, null));
        API.get(offersOf(household), officer);
        API.get("/api/households/" + household + "/group-suggestions", officer);

        assertEquals(lists + 1, audit("housing.offer.list", household));
        assertEquals(creates + 1, audit("housing.offer.create", household));
        assertEquals(1, audit("housing.group-suggestions.read", household));
        assertEquals(0, TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE action LIKE 'housing.%'"
                + " AND (household_id LIKE '%Thorbecke%' OR action LIKE '%8011%')"));
    }

    private static String household(String reference) {
        try (Connection db = TestServer.get().database()) {
            return TestHouseholds.insert(db, TestHouseholds.municipalityId(db, "testdorp"), reference, "SY", null, null,
                    null, 2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String createPeriod(String label, String start, String end, int target) {
        Api.Response created = API.post("/api/housing/periods", officer, period(label, start, end, target));
        assertEquals(201, created.status(), created.body());
        return created.as(HousingWire.PeriodDetail.class).period().id();
    }

    private static Map<String, Object> period(String label, String start, String end, int target) {
        Map<String, Object> body = new HashMap<>();
        body.put("label", label);
        body.put("startsOn", start);
        body.put("endsOn", end);
        body.put("targetPersons", target);
        return body;
    }

    private static Map<String, Object> offer(String status, String reason, String note, String moveIn) {
        Map<String, Object> body = new HashMap<>();
        body.put("street", "Thorbeckegracht");
        body.put("houseNumber", "12A");
        body.put("postcode", "8011pk");
        body.put("city", "Zwolle");
        body.put("offeredOn", "2026-10-01");
        body.put("rooms", 3);
        body.put("status", status);
        if (reason != null) {
            body.put("declineReason", reason);
        }
        if (note != null) {
            body.put("note", note);
        }
        if (moveIn != null) {
            body.put("moveInOn", moveIn);
        }
        return body;
    }

    private static String offersOf(String householdId) {
        return "/api/households/" + householdId + "/housing-offers";
    }

    private static void assertDetail(Api.Response response, String expected) {
        Problem problem = response.problem(400);
        assertTrue(problem.detail().contains(expected), problem.detail());
    }

    private static long periods() {
        return TestServer.get().queryLong("SELECT count(*) FROM quota_period");
    }

    private static long offersStored() {
        return TestServer.get().queryLong("SELECT count(*) FROM housing_offer");
    }

    private static long audit(String action, String householdId) {
        return TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE action = ? AND household_id = ?",
                action, householdId);
    }
}
