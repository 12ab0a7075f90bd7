package nl.welkom.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.household.SelectionRoute;
import nl.welkom.household.SpecialNeedKind;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.JourneyStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The officer's case-file API: create, read, edit, members, special needs; bad input; who may do what. */
class CaseFileApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String otherOfficer;

    @BeforeAll
    static void signIn() {
        officer = API.login(Fixtures.OFFICER);
        otherOfficer = API.login(Fixtures.OTHER_OFFICER);
    }

    @Test
    void anOfficerCreatesAHouseholdWithMembersAndReadsItsCaseFile() {
        String reference = Households.reference("C");
        HouseholdDetails created = Households.create(API, officer, new HouseholdCommand(reference, " Familie  Tesfay ",
                "er", "Shire, Ethiopia", "selection_mission", "15-03-2027", null, "azc", "azc Budel", null,
                List.of("TI", "en", "ti"), null, List.of(
                        new MemberCommand("Selam", null, "1990-06-01", null, List.of("ti")),
                        new MemberCommand("Dawit", 2015, null, "et", List.of("ti", "en")))));

        assertEquals(reference, created.reference());
        assertEquals("Familie Tesfay", created.displayName());
        assertEquals("ER", created.nationality());
        assertEquals(SelectionRoute.SELECTION_MISSION, created.selectionRoute());
        assertEquals("2027-03-15", created.expectedArrival());
        assertEquals(ArrivalPath.RECEPTION_CENTRE, created.arrivalPath());
        assertEquals(JourneyStage.SELECTED, created.stage());
        assertEquals(List.of("ti", "en"), created.languages());
        assertEquals(1, created.version());
        assertEquals(List.of("Selam", "Dawit"), created.members().stream().map(m -> m.displayName()).toList());
        assertEquals(1990, created.members().get(0).birthYear(), "the year comes from the date of birth");
        assertEquals("ET", created.members().get(1).nationality());

        HouseholdDetails read = API.get("/api/households/" + created.id() + "/details", officer).as(HouseholdDetails.class);
        assertEquals(created, read);
        assertEquals(1, Households.audits("household.create", created.id()));
        assertEquals(1, Households.audits("household.details.read", created.id()));
        // The household is an ordinary one: in the list and on the wire, without the officer-only fields.
        Household wire = API.get("/api/households/" + created.id(), officer).as(Household.class);
        assertEquals(reference, wire.reference());
        assertEquals(2, wire.members().size());
        assertEquals(1990, wire.members().get(0).birthYear());
    }

    @Test
    void aBlankReferenceIsGeneratedAsTheNextFreeNumberOfTheYear() {
        int year = LocalDate.now().getYear();
        HouseholdDetails first = Households.create(API, officer, Households.household(null, "Familie Een"));
        HouseholdDetails second = Households.create(API, officer, Households.household("  ", "Familie Twee"));

        assertTrue(first.reference().matches("WLK-" + year + "-\\d{4}"), first.reference());
        int a = Integer.parseInt(first.reference().substring(9));
        assertEquals(String.format("WLK-%d-%04d", year, a + 1), second.reference());
    }

    @Test
    void aReferenceTakenInTheMunicipalityIsAConflictAndStoresNothing() {
        String reference = Households.reference("DUP");
        Households.create(API, officer, Households.household(reference, "Familie Eerste"));
        long before = Households.count("SELECT count(*) FROM household");

        Problem problem = API.post("/api/households", officer, Households.household(reference, "Familie Tweede"))
                .problem(409);

        assertTrue(problem.type().endsWith("/reference-taken"), problem.type());
        assertTrue(problem.detail().contains("reference"), problem.detail());
        assertEquals(before, Households.count("SELECT count(*) FROM household"));
        // Another municipality may use the same reference.
        Households.create(API, otherOfficer, Households.household(reference, "Familie Elders"));
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamedAndNothingStored() {
        long households = Households.count("SELECT count(*) FROM household");
        long members = Households.count("SELECT count(*) FROM member");
        HouseholdCommand bad = new HouseholdCommand("WLK 2026/ä", "", "XX", null, "by-plane", "1999-12-31",
                "2101-01-01", null, null, "NOWHERE", List.of("tlh"), null, List.of(
                        new MemberCommand(null, 1850, "2030-01-01", null, List.of()),
                        new MemberCommand("Amina", 2001, "2002-03-04", null, List.of("en"))));

        Problem problem = API.post("/api/households", officer, bad).problem(400);

        for (String field : List.of("reference", "displayName", "nationality", "selectionRoute", "expectedArrival",
                "arrivedOn", "arrivalPath", "stage", "languages", "members[0].displayName", "members[0].birthYear",
                "members[0].birthDate", "members[1].birthYear")) {
            assertTrue(problem.detail().contains(field + ":"), field + " in " + problem.detail());
        }
        assertTrue(problem.detail().contains("Choose a date from 2000-01-01 to 2100-12-31."), problem.detail());
        assertTrue(problem.detail().contains("Unknown language code: tlh."), problem.detail());
        assertEquals(households, Households.count("SELECT count(*) FROM household"));
        assertEquals(members, Households.count("SELECT count(*) FROM member"));
    }

    @Test
    void aBodyThatIsNotJsonOrMissingIsA400Problem() {
        API.send("POST", "/api/households", officer, "{not json", "Content-Type", "application/json").problem(400);
        API.send("POST", "/api/households", officer, null, "Content-Type", "application/json").problem(400);
    }

    @Test
    void anOfficerEditsTheDetailsAndThePhoneSeesTheNewVersion() {
        HouseholdDetails created = Households.create(API, officer, Households.household(Households.reference("E"),
                "Familie Oud", Households.member("Amina", 1990, "ti")));
        Session device = Fixtures.device(API, created.reference());
        long seqBefore = Households.count("SELECT change_seq FROM household WHERE id = ?", created.id());

        HouseholdCommand edit = new HouseholdCommand(created.reference() + "-B", "Familie Nieuw", "SY", "Zaatari",
                "DOSSIER", null, "2026-11-02", "DIRECT", null, "ARRIVAL", List.of("ar"), created.version(), null);
        HouseholdDetails changed = API.put("/api/households/" + created.id() + "/details", officer, edit)
                .as(HouseholdDetails.class);

        assertEquals("Familie Nieuw", changed.displayName());
        assertEquals(created.reference() + "-B", changed.reference());
        assertEquals("2026-11-02", changed.arrivedOn());
        assertNull(changed.expectedArrival());
        assertNull(changed.receptionLocation());
        assertEquals(JourneyStage.ARRIVAL, changed.stage());
        assertEquals(created.version() + 1, changed.version());
        assertEquals(1, changed.members().size(), "members stay");
        assertTrue(Households.count("SELECT change_seq FROM household WHERE id = ?", created.id()) > seqBefore);
        Household onThePhone = API.get("/api/households", device.token()).asListOf(Household.class).get(0);
        assertEquals("Familie Nieuw", onThePhone.displayName());
        assertEquals(changed.version(), onThePhone.version());
        assertEquals(1, Households.audits("household.details.change", created.id()));
    }

    @Test
    void anEditBasedOnAnOldVersionIsAConflictAndChangesNothing() {
        HouseholdDetails created = Households.create(API, officer, Households.household(Households.reference("V"),
                "Familie Versie"));
        HouseholdCommand first = new HouseholdCommand(created.reference(), "Familie Eerst", null, null, null, null,
                null, "DIRECT", null, "SELECTED", List.of("ti"), created.version(), null);
        assertEquals(200, API.put("/api/households/" + created.id() + "/details", officer, first).status());

        HouseholdCommand stale = new HouseholdCommand(created.reference(), "Familie Later", null, null, null, null,
                null, "DIRECT", null, "SELECTED", List.of("ti"), created.version(), null);
        Problem problem = API.put("/api/households/" + created.id() + "/details", officer, stale).problem(409);

        assertTrue(problem.type().endsWith("/household-changed"), problem.type());
        assertEquals("Familie Eerst", API.get("/api/households/" + created.id() + "/details", officer)
                .as(HouseholdDetails.class).displayName());
    }

    @Test
    void anEditMayNotTakeAnotherHouseholdsReferenceNorCarryMembers() {
        HouseholdDetails one = Households.create(API, officer, Households.household(Households.reference("R1"), "Een"));
        HouseholdDetails two = Households.create(API, officer, Households.household(Households.reference("R2"), "Twee"));

        HouseholdCommand taking = new HouseholdCommand(one.reference(), "Twee", null, null, null, null, null, "DIRECT",
                null, "SELECTED", List.of("ti"), null, null);
        API.put("/api/households/" + two.id() + "/details", officer, taking).problem(409);
        HouseholdCommand withMembers = new HouseholdCommand(two.reference(), "Twee", null, null, null, null, null,
                "DIRECT", null, "SELECTED", List.of("ti"), null, List.of(Households.member("X", null)));
        API.put("/api/households/" + two.id() + "/details", officer, withMembers).problem(400);
        HouseholdCommand noReference = new HouseholdCommand("", "Twee", null, null, null, null, null, "DIRECT",
                null, "SELECTED", List.of("ti"), null, null);
        assertTrue(API.put("/api/households/" + two.id() + "/details", officer, noReference).problem(400).detail()
                .contains("reference: This is required."));

        assertEquals(two.reference(), API.get("/api/households/" + two.id() + "/details", officer)
                .as(HouseholdDetails.class).reference());
    }

    @Test
    void membersAreAddedChangedAndRemovedAndEachChangeIsANewHouseholdVersion() {
        HouseholdDetails created = Households.create(API, officer, Households.household(Households.reference("M"),
                "Familie Leden", Households.member("Hodan", 1994, "so")));
        String path = "/api/households/" + created.id() + "/members";

        Api.Response added = API.post(path, officer, new MemberCommand("Abdi", null, "2016-09-03", "SO", List.of("so")));
        assertEquals(201, added.status(), added.body());
        HouseholdDetails.MemberDetails abdi = added.as(HouseholdDetails.MemberDetails.class);
        assertEquals(2016, abdi.birthYear());

        HouseholdDetails.MemberDetails renamed = API.put(path + "/" + abdi.id(), officer,
                new MemberCommand("Abdirahman", 2016, "2016-09-03", null, List.of("so", "en")))
                .as(HouseholdDetails.MemberDetails.class);
        assertEquals("Abdirahman", renamed.displayName());
        assertEquals(List.of("so", "en"), renamed.languages());
        API.put(path + "/" + abdi.id(), officer, new MemberCommand("", 3000, null, null, List.of("zz"))).problem(400);

        String hodan = created.members().get(0).id();
        assertEquals(204, API.send("DELETE", path + "/" + hodan, officer, null).status());
        HouseholdDetails after = API.get("/api/households/" + created.id() + "/details", officer)
                .as(HouseholdDetails.class);
        assertEquals(List.of("Abdirahman"), after.members().stream().map(m -> m.displayName()).toList());
        assertEquals(created.version() + 3, after.version(), "add, change and remove each bump the version");
        API.send("DELETE", path + "/" + hodan, officer, null).problem(404);
        API.put(path + "/" + hodan, officer, Households.member("Terug", null)).problem(404);
        assertEquals(1, Households.audits("household.member.add", created.id()));
        assertEquals(1, Households.audits("household.member.change", created.id()));
        assertEquals(1, Households.audits("household.member.remove", created.id()));
    }

    @Test
    void aMemberWithCourseProgressIsNotRemoved() {
        HouseholdDetails created = Households.create(API, officer, Households.household(Households.reference("CP"),
                "Familie Cursus", Households.member("Amina", 1990, "ti")));
        String member = created.members().get(0).id();
        nl.welkom.TestServer.get().update("INSERT INTO course_lesson_done (id, household_id, member_id, course_slug,"
                + " lesson_id, done_at) VALUES (?, ?, ?, 'c', 'l', 0)", java.util.UUID.randomUUID().toString(),
                created.id(), member);

        Problem problem = API.send("DELETE", "/api/households/" + created.id() + "/members/" + member, officer, null)
                .problem(409);

        assertTrue(problem.type().endsWith("/member-has-records"), problem.type());
        assertEquals(1, Households.count("SELECT count(*) FROM member WHERE id = ?", member));
    }

    @Test
    void specialNeedsAreRecordedPerHouseholdOrMemberAndRemoved() {
        HouseholdDetails created = Households.create(API, officer, Households.household(Households.reference("N"),
                "Familie Zorg", Households.member("Hodan", 1994, "so"), Households.member("Abdi", 2016, "so")));
        HouseholdDetails other = Households.create(API, officer, Households.household(Households.reference("N2"),
                "Familie Anders", Households.member("Ali", 1980, "ar")));
        String path = "/api/households/" + created.id() + "/special-needs";

        Api.Response household = API.post(path, officer, new SpecialNeedCommand("single_parent", null, "Alleen met twee kinderen"));
        Api.Response member = API.post(path, officer, new SpecialNeedCommand("MEDISCH",
                created.members().get(1).id(), "Epilepsie"));
        assertEquals(201, household.status(), household.body());
        assertEquals(201, member.status(), member.body());
        assertEquals(SpecialNeedKind.MEDICAL, member.as(HouseholdDetails.SpecialNeedInfo.class).kind());

        assertTrue(API.post(path, officer, new SpecialNeedCommand("HUNGRY", null, null)).problem(400).detail()
                .contains("kind:"));
        assertTrue(API.post(path, officer, new SpecialNeedCommand(null, null, "x".repeat(1001))).problem(400).detail()
                .contains("note: Use at most 1000 characters."));
        assertTrue(API.post(path, officer, new SpecialNeedCommand("MEDICAL", other.members().get(0).id(), null))
                .problem(400).detail().contains("memberId:"));

        HouseholdDetails details = API.get("/api/households/" + created.id() + "/details", officer)
                .as(HouseholdDetails.class);
        assertEquals(2, details.specialNeeds().size());
        assertNull(details.specialNeeds().get(0).memberId());
        assertEquals(created.members().get(1).id(), details.specialNeeds().get(1).memberId());

        String needId = household.as(HouseholdDetails.SpecialNeedInfo.class).id();
        API.send("DELETE", "/api/households/" + other.id() + "/special-needs/" + needId, officer, null).problem(404);
        assertEquals(204, API.send("DELETE", path + "/" + needId, officer, null).status());
        assertEquals(1, API.get("/api/households/" + created.id() + "/details", officer).as(HouseholdDetails.class)
                .specialNeeds().size());
        // Removing a member removes its needs.
        assertEquals(204, API.send("DELETE", "/api/households/" + created.id() + "/members/"
                + created.members().get(1).id(), officer, null).status());
        assertEquals(0, Households.count("SELECT count(*) FROM special_need WHERE household_id = ?", created.id()));
        assertEquals(2, Households.audits("household.special-need.add", created.id()));
    }

    @Test
    void onlyTheHouseholdsOwnOfficersMayUseAnyCaseFileEndpoint() {
        HouseholdDetails created = Households.create(API, officer, Households.household(Households.reference("AUTH"),
                "Familie Afgeschermd", Households.member("Amina", 1990, "ti")));
        String id = created.id();
        String member = created.members().get(0).id();
        String need = API.post("/api/households/" + id + "/special-needs", officer,
                new SpecialNeedCommand("MEDICAL", null, "geheim")).as(HouseholdDetails.SpecialNeedInfo.class).id();
        Session device = Fixtures.device(API, created.reference());
        String buddy = API.login(Fixtures.BUDDY);
        String editor = API.login(Fixtures.EDITOR);
        String admin = API.login(Fixtures.ADMIN);
        HouseholdCommand edit = Households.household(created.reference(), "Overgenomen");
        HouseholdCommand editWithoutMembers = new HouseholdCommand(created.reference(), "Overgenomen", null, null,
                null, null, null, "DIRECT", null, "SELECTED", List.of("ti"), null, null);
        List<Call> calls = List.of(
                new Call("POST", "/api/households", API.json(edit), false),
                new Call("GET", "/api/households/" + id + "/details", null, true),
                new Call("PUT", "/api/households/" + id + "/details", API.json(editWithoutMembers), true),
                new Call("POST", "/api/households/" + id + "/members", API.json(Households.member("X", null)), true),
                new Call("PUT", "/api/households/" + id + "/members/" + member, API.json(Households.member("X", null)), true),
                new Call("DELETE", "/api/households/" + id + "/members/" + member, null, true),
                new Call("POST", "/api/households/" + id + "/special-needs",
                        API.json(new SpecialNeedCommand("OTHER", null, null)), true),
                new Call("DELETE", "/api/households/" + id + "/special-needs/" + need, null, true),
                new Call("POST", "/api/households/" + id + "/move", API.json(new MoveCommand("anderstad")), true),
                new Call("POST", "/api/households/import", "huishouden;naam\n1;X\n", false));
        for (Call call : calls) {
            // Anonymous: 401; a phone, a family friend, an editor, an administrator: 403.
            assertEquals(401, call.send(null).problemStatus(), call.path);
            for (String token : List.of(device.token(), buddy, editor, admin)) {
                assertEquals(403, call.send(token).problemStatus(), call + " " + token);
            }
            // The officer of another municipality: 404 for this household, as if it did not exist.
            if (call.aboutTheHousehold) {
                assertEquals(404, call.send(otherOfficer).problemStatus(), call.path);
            }
        }
        HouseholdDetails after = API.get("/api/households/" + id + "/details", officer).as(HouseholdDetails.class);
        assertEquals(created.displayName(), after.displayName());
        assertEquals(created.version(), after.version());
        assertEquals(1, after.members().size());
        assertEquals(1, after.specialNeeds().size());
        assertEquals(created.municipalityId(), after.municipalityId());
    }

    @Test
    void unknownHouseholdsMembersAndNeedsAre404() {
        HouseholdDetails created = Households.create(API, officer, Households.household(Households.reference("U"), "U"));
        API.get("/api/households/no-such-id/details", officer).problem(404);
        API.put("/api/households/" + created.id() + "/members/no-such-member", officer,
                Households.member("X", null)).problem(404);
        API.send("DELETE", "/api/households/" + created.id() + "/special-needs/no-such-need", officer, null)
                .problem(404);
    }

    /** One request of the authorisation matrix. */
    private record Call(String method, String path, String body, boolean aboutTheHousehold) {
        Result send(String token) {
            String type = path.endsWith("/import") ? "text/csv" : "application/json";
            Api.Response response = API.send(method, path, token, body, "Content-Type", type);
            return new Result(response);
        }
    }

    private record Result(Api.Response response) {
        int problemStatus() {
            String type = response.header("Content-Type");
            assertNotNull(type, response.body());
            assertTrue(type.startsWith("application/problem+json"), response.status() + " " + type + " " + response.body());
            assertFalse(response.body().contains("geheim"));
            return response.status();
        }
    }
}
