package nl.welkom.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.model.sync.PullResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Moving a household to another municipality: its data goes along, the old side loses access, its phones keep working. */
class HouseholdMoveApiTest {
    private static final Api API = new Api();
    private static final String MOVER = "mover@testdorp.test";
    private static String officer;
    private static String otherOfficer;

    @BeforeAll
    static void signIn() {
        officer = API.login(Fixtures.OFFICER);
        otherOfficer = API.login(Fixtures.OTHER_OFFICER);
    }

    @Test
    void theHouseholdMovesWithItsDataThePhoneKeepsSyncingAndTheOldSideLosesAccess() {
        HouseholdDetails household = Households.create(API, officer, Households.household(Households.reference("MV"),
                "Familie Verhuizer", Households.member("Amina", 1990, "ti")));
        assertEquals(201, API.post("/api/households/" + household.id() + "/special-needs", officer,
                new SpecialNeedCommand("TRAUMA", null, "gaat mee")).status());
        Session device = Fixtures.device(API, household.reference());
        Fixtures.match(API, officer, household.id(), Fixtures.buddyId(API, officer, MOVER));
        String buddy = API.login(MOVER);
        long buddyCursor = API.get("/api/sync/pull?after=0&limit=1000", buddy).as(PullResponse.class).cursor();
        long deviceCursor = API.get("/api/sync/pull?after=0", device.token()).as(PullResponse.class).cursor();
        assertTrue(API.get("/api/places", device.token()).body().contains("Testdorp"));

        Api.Response moved = API.post("/api/households/" + household.id() + "/move", officer,
                new MoveCommand("anderstad"));

        assertEquals(200, moved.status(), moved.body());
        MoveResult result = moved.as(MoveResult.class);
        assertEquals(household.reference(), result.reference());
        assertEquals(1, result.endedBuddyMatches());
        assertEquals(household.municipalityId(), result.fromMunicipalityId());

        // The old municipality's officer: gone, as if it never existed.
        API.get("/api/households/" + household.id(), officer).problem(404);
        API.get("/api/households/" + household.id() + "/details", officer).problem(404);
        API.get("/api/households/" + household.id() + "/tasks", officer).problem(404);
        assertFalse(API.get("/api/households", officer).body().contains(household.id()));

        // The new municipality's officer: the household with its members and needs.
        HouseholdDetails there = API.get("/api/households/" + household.id() + "/details", otherOfficer)
                .as(HouseholdDetails.class);
        assertEquals(result.toMunicipalityId(), there.municipalityId());
        assertEquals(List.of("Amina"), there.members().stream().map(m -> m.displayName()).toList());
        assertEquals(1, there.specialNeeds().size());
        assertEquals(household.version() + 1, there.version());
        assertTrue(API.get("/api/households", otherOfficer).body().contains(household.id()));

        // The family's phone: still signed in, pulls its household in the new municipality, sees its places.
        PullResponse devicePull = API.get("/api/sync/pull?after=" + deviceCursor, device.token()).as(PullResponse.class);
        assertEquals(List.of(household.id()), devicePull.households().stream().map(Household::id).toList());
        assertEquals(result.toMunicipalityId(), devicePull.households().get(0).municipalityId());
        assertTrue(API.get("/api/places", device.token()).body().contains("Anderstad"));
        assertEquals(200, API.get("/api/me", device.token()).status());

        // The family friend of the old municipality: the match ended, the phone is told to drop the household.
        PullResponse buddyPull = API.get("/api/sync/pull?after=" + buddyCursor + "&limit=1000", buddy)
                .as(PullResponse.class);
        assertTrue(buddyPull.removedHouseholdIds().contains(household.id()), buddyPull.toString());
        API.get("/api/households/" + household.id(), buddy).problem(404);

        // Both sides of the trail.
        assertEquals(1, Households.audits("household.move.out", household.id()));
        assertEquals(1, Households.audits("household.move.in", household.id()));
        assertEquals(1, Households.audits("buddy-match.end", household.id()));
        assertEquals(1, Households.count("SELECT count(*) FROM household_move WHERE household_id = ?"
                + " AND from_municipality_id = ? AND to_municipality_id = ?", household.id(),
                result.fromMunicipalityId(), result.toMunicipalityId()));
    }

    @Test
    void aReferenceTakenInTheNewMunicipalityGetsASuffix() {
        String reference = Households.reference("SAME");
        Households.create(API, otherOfficer, Households.household(reference, "Familie Daar"));
        Households.create(API, otherOfficer, Households.household(reference + "-2", "Familie Daar Twee"));
        HouseholdDetails household = Households.create(API, officer, Households.household(reference, "Familie Hier"));

        MoveResult result = API.post("/api/households/" + household.id() + "/move", officer,
                new MoveCommand("Anderstad")).as(MoveResult.class);

        assertEquals(reference + "-3", result.reference());
        assertEquals(reference, result.previousReference());
        assertEquals(reference + "-3", API.get("/api/households/" + household.id() + "/details", otherOfficer)
                .as(HouseholdDetails.class).reference());
    }

    @Test
    void aMoveToNowhereOrHomeIsRefusedAndChangesNothing() {
        HouseholdDetails household = Households.create(API, officer, Households.household(Households.reference("MN"),
                "Familie Blijft"));
        String path = "/api/households/" + household.id() + "/move";

        assertTrue(API.post(path, officer, new MoveCommand("atlantis")).problem(400).detail().contains("municipalitySlug"));
        assertTrue(API.post(path, officer, new MoveCommand("testdorp")).problem(400).detail().contains("already"));
        API.post(path, officer, new MoveCommand(null)).problem(400);
        API.post(path, otherOfficer, new MoveCommand("anderstad")).problem(404);

        HouseholdDetails after = API.get("/api/households/" + household.id() + "/details", officer)
                .as(HouseholdDetails.class);
        assertEquals(household.municipalityId(), after.municipalityId());
        assertEquals(household.version(), after.version());
        assertEquals(0, Households.count("SELECT count(*) FROM household_move WHERE household_id = ?", household.id()));
    }
}
