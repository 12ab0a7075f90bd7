package nl.welkom.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.model.auth.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Special needs and the other officer-only facts never leave the officers' endpoints: the raw JSON a
 * family friend or the family's phone receives — households, one household, a pull — holds neither a
 * need's note nor its kind, nor the reception location, dates of arrival and birth or the route.
 */
class SpecialNeedPrivacyTest {
    private static final Api API = new Api();
    private static final String KEEPER = "keeper@testdorp.test";
    private static final String SECRET = UUID.randomUUID().toString().substring(0, 8);
    private static final String NEED_NOTE = "epilepsie-" + SECRET;
    private static final String HOUSEHOLD_NOTE = "alleen-" + SECRET;
    private static final String RECEPTION = "azc Geheim-" + SECRET;
    private static final String BIRTH_DATE = "2016-09-03";
    private static String officer;
    private static HouseholdDetails household;
    private static Session device;
    private static String buddy;

    @BeforeAll
    static void aHouseholdWithSpecialNeeds() {
        officer = API.login(Fixtures.OFFICER);
        household = Households.create(API, officer, new HouseholdCommand(Households.reference("P"), "Familie Privé",
                "SO", "Dadaab, Kenya", "SELECTION_MISSION", "2027-01-20", "2027-01-22", "RECEPTION_CENTRE", RECEPTION,
                "ARRIVAL", List.of("so", "en"), null, List.of(
                        new MemberCommand("Hodan", 1994, null, null, List.of("so", "en")),
                        new MemberCommand("Abdi", null, BIRTH_DATE, "KE", List.of("so")))));
        String path = "/api/households/" + household.id() + "/special-needs";
        assertEquals(201, API.post(path, officer, new SpecialNeedCommand("SINGLE_PARENT", null, HOUSEHOLD_NOTE)).status());
        assertEquals(201, API.post(path, officer,
                new SpecialNeedCommand("MEDICAL", household.members().get(1).id(), NEED_NOTE)).status());
        device = Fixtures.device(API, household.reference());
        Fixtures.match(API, officer, household.id(), Fixtures.buddyId(API, officer, KEEPER));
        buddy = API.login(KEEPER);
    }

    @Test
    void theFamilyFriendsHouseholdsCarryNoSpecialNeedOrOfficerOnlyFact() {
        String list = API.get("/api/households", buddy).body();
        String one = API.get("/api/households/" + household.id(), buddy).body();

        assertTrue(list.contains(household.id()), list);
        assertNothingOfficerOnly(list);
        assertNothingOfficerOnly(one);
    }

    @Test
    void theFamilyFriendsPullCarriesNoSpecialNeed() {
        String pull = API.get("/api/sync/pull?after=0&limit=1000", buddy).body();

        assertTrue(pull.contains(household.id()), pull);
        assertNothingOfficerOnly(pull);
    }

    @Test
    void theFamilysPhoneGetsItsHouseholdWithoutSpecialNeeds() {
        String list = API.get("/api/households", device.token()).body();
        String pull = API.get("/api/sync/pull?after=0", device.token()).body();

        assertTrue(list.contains("Hodan") && list.contains(household.id()), list);
        assertTrue(pull.contains("Hodan"), pull);
        assertNothingOfficerOnly(list);
        assertNothingOfficerOnly(pull);
    }

    @Test
    void evenTheOfficersWireHouseholdLeavesThemToTheCaseFile() {
        String wire = API.get("/api/households/" + household.id(), officer).body();
        String details = API.get("/api/households/" + household.id() + "/details", officer).body();

        assertNothingOfficerOnly(wire);
        assertTrue(details.contains(NEED_NOTE) && details.contains(HOUSEHOLD_NOTE) && details.contains(RECEPTION),
                details);
        assertTrue(details.contains("\"MEDICAL\"") && details.contains("\"SINGLE_PARENT\""), details);
    }

    private static void assertNothingOfficerOnly(String json) {
        for (String secret : List.of(NEED_NOTE, HOUSEHOLD_NOTE, SECRET, "MEDICAL", "SINGLE_PARENT", "specialNeed",
                RECEPTION, "receptionLocation", BIRTH_DATE, "birthDate", "2027-01-20", "2027-01-22",
                "SELECTION_MISSION", "selectionRoute")) {
            assertFalse(json.contains(secret), secret + " in " + json);
        }
    }
}
