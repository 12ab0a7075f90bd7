package nl.welkom.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.welkom.Api;
import nl.welkom.CaseloadData;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.JourneyStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/caseload} on a municipality of its own ("Caseloadstad", written straight into the
 * test database): search, each filter, each order, paging, the flags, the scope of officers and
 * buddies, and refused parameters.
 */
class CaseloadApiTest {
    private static final Api API = new Api();
    private static final String OFFICER = "officer@caseloadstad.test";
    private static final String BUDDY = "buddy@caseloadstad.test";
    private static final String OTHER_OFFICER = "officer@caseload-ander.test";
    /** Households of Caseloadstad besides the six named ones, for paging. */
    private static final int FILLERS = 60;
    private static final int TOTAL = 5 + 1 + FILLERS;

    private static String officer;
    private static String tesfay;

    @BeforeAll
    static void caseload() throws Exception {
        LocalDate today = CaseloadData.today();
        try (CaseloadData data = new CaseloadData(TestServer.get().database())) {
            String stad = data.municipality("caseloadstad", "Gemeente Caseloadstad");
            String ander = data.municipality("caseload-ander", "Gemeente Caseload-Ander");
            data.user(OFFICER, "OFFICER", stad, "Officer Caseloadstad", Fixtures.OFFICER);
            String buddy = data.user(BUDDY, "BUDDY", stad, "Buddy Caseloadstad", Fixtures.OFFICER);
            data.user(OTHER_OFFICER, "OFFICER", ander, "Officer Caseload-Ander", Fixtures.OFFICER);

            // An overdue task, one done, a buddy, a member called Yonas.
            tesfay = data.household(stad, "C-001", "Familie Tesfay", "ER", "HOUSING_AND_REGISTRATION",
                    LocalDate.of(2026, 3, 1));
            data.member(tesfay, "Yonas Tesfay");
            data.task(tesfay, "OPEN", today.minusDays(10), false, "Bankrekening openen");
            data.task(tesfay, "DONE", today.minusDays(30), false, "Inschrijven in de BRP");
            data.match(buddy, tesfay, false);
            // An open conflict; an open task due later.
            String haddad = data.household(stad, "C-002", "Familie Haddad", "SY", "CIVIC_INTEGRATION",
                    LocalDate.of(2025, 11, 20));
            String later = data.task(haddad, "OPEN", today.plusDays(5), false, "Intakegesprek inburgering");
            data.conflict(haddad, later, false);
            // Only a resolved conflict and an ended match: neither counts. No arrival date, no task.
            String mbeki = data.household(stad, "C-003", "familie Mbeki", "CD", "ARRIVAL", null);
            data.conflict(mbeki, "no-task", true);
            data.match(buddy, mbeki, true);
            // Due today (not overdue yet), a deleted overdue task and a done overdue one: not overdue.
            String rahimi = data.household(stad, "C-004", "Familie Rahimi", "AF", "ARRIVAL", LocalDate.of(2026, 1, 10));
            data.task(rahimi, "OPEN", today, false, "Huisarts kiezen");
            data.task(rahimi, "OPEN", today.minusDays(3), true, "Verwijderde taak");
            data.task(rahimi, "DONE", today.minusDays(3), false, "Zorgverzekering afsluiten");
            // An open task without a due date.
            String warsame = data.household(stad, "C-005", "Familie Warsame", "SO", "SELECTED", null);
            data.task(warsame, "OPEN", null, false, "Paspoortfoto laten maken");
            // A name with LIKE's wildcards in it.
            data.household(stad, "C-006", "Familie 100%_Zeker", null, "SETTLED", null);
            for (int i = 1; i <= FILLERS; i++) {
                data.household(stad, String.format("P-%03d", i), String.format("Gezin Pagina %02d", i), null,
                        "SETTLED", null);
            }
            // Another municipality with the same reference and a name that matches the searches.
            data.household(ander, "C-001", "Familie Tesfay-Ander", "ER", "ARRIVAL", null);
        }
        officer = API.login(OFFICER);
    }

    @Test
    void theFirstPageIsFiftyHouseholdsByReferenceWithTheTotal() {
        CaseloadPage page = page("", officer);

        assertEquals(TOTAL, page.total());
        assertEquals(1, page.page());
        assertEquals(50, page.size());
        assertEquals(2, page.pages());
        assertEquals(50, page.items().size());
        assertEquals(List.of("C-001", "C-002", "C-003"), references(page).subList(0, 3));
        assertEquals("reference", page.sort());
        assertEquals("asc", page.direction());
        assertEquals(List.of("AF", "CD", "ER", "SO", "SY"), page.nationalities());
        assertEquals(1, page.first());
        assertEquals(50, page.last());
    }

    @Test
    void searchFindsANameOrAReferenceInAnyCaseAndNeverAnotherMunicipality() {
        assertEquals(List.of("C-001"), references(page("?q=TESFAY", officer)));
        assertEquals(List.of("C-003"), references(page("?q=mbeki", officer)));
        assertEquals(List.of("C-002"), references(page("?q=c-002", officer)));
        assertEquals(List.of("C-001"), references(page("?q=%20yonas%20", officer)), "a member's name, trimmed");
        assertEquals(List.of("Familie Tesfay-Ander"),
                page("?q=tesfay", API.login(OTHER_OFFICER)).items().stream().map(CaseloadRow::displayName).toList());
        assertEquals(0, page("?q=Tesfay-Ander", officer).total());
    }

    @Test
    void searchTakesWildcardsLiterally() {
        assertEquals(List.of("C-006"), references(page("?q=%25", officer)));
        assertEquals(List.of("C-006"), references(page("?q=_", officer)));
        assertEquals(List.of("C-006"), references(page("?q=0%25_z", officer)));
        assertEquals(0, page("?q=!", officer).total());
    }

    @Test
    void eachFilterNarrowsTheList() {
        assertEquals(List.of("C-003", "C-004"), references(page("?stage=ARRIVAL", officer)));
        assertEquals(List.of("C-003", "C-004"), references(page("?stage=arrival", officer)));
        assertEquals(List.of("C-002"), references(page("?nationality=sy", officer)));
        assertEquals(List.of("C-001"), references(page("?overdue=true", officer)));
        assertEquals(TOTAL - 1, page("?overdue=false", officer).total());
        assertEquals(List.of("C-002"), references(page("?conflicts=true", officer)));
        assertEquals(TOTAL - 1, page("?conflicts=false", officer).total());
        assertEquals(List.of("C-001"), references(page("?buddy=true", officer)));
        assertFalse(references(page("?buddy=false&size=100", officer)).contains("C-001"));
        assertEquals(TOTAL - 1, page("?buddy=false", officer).total());
    }

    @Test
    void filtersCombineAndAnEmptyValueMeansAny() {
        assertEquals(List.of("C-004"), references(page("?stage=ARRIVAL&q=rahimi", officer)));
        assertEquals(0, page("?stage=ARRIVAL&overdue=true", officer).total());
        assertEquals(List.of("C-001"), references(page("?nationality=ER&buddy=true&overdue=true", officer)));
        assertEquals(TOTAL, page("?q=&stage=&nationality=&overdue=&conflicts=&buddy=", officer).total());
    }

    @Test
    void eachOrderSortsTheWholeCaseloadBeforePaging() {
        assertEquals(List.of("P-060", "P-059"), references(page("?sort=reference&dir=desc", officer)).subList(0, 2));
        List<String> byName = page("?sort=name&size=100", officer).items().stream()
                .map(CaseloadRow::displayName).toList();
        assertEquals(List.of("Familie 100%_Zeker", "Familie Haddad", "familie Mbeki", "Familie Rahimi",
                "Familie Tesfay", "Familie Warsame", "Gezin Pagina 01"), byName.subList(0, 7), "case does not matter");
        // Arrival: earliest first, households without an arrival date last in both directions.
        assertEquals(List.of("C-002", "C-004", "C-001", "C-003"),
                references(page("?sort=arrival&size=100", officer)).subList(0, 4));
        assertEquals(List.of("C-001", "C-004", "C-002", "C-003"),
                references(page("?sort=arrival&dir=desc&size=100", officer)).subList(0, 4));
        // Stage in journey order, not alphabetical.
        List<JourneyStage> stages = page("?sort=stage&size=100", officer).items().stream().map(CaseloadRow::stage).toList();
        assertEquals(JourneyStage.SELECTED, stages.get(0));
        assertEquals(JourneyStage.ARRIVAL, stages.get(1));
        assertEquals(JourneyStage.SETTLED, stages.get(stages.size() - 1));
        // Next due date: the earliest open task first, households without one last.
        assertEquals(List.of("C-001", "C-004", "C-002", "C-003"), references(page("?sort=due", officer)).subList(0, 4));
        assertEquals(List.of("C-002", "C-004", "C-001", "C-003"),
                references(page("?sort=due&dir=desc", officer)).subList(0, 4));
    }

    @Test
    void pagesFollowEachOtherWithoutOverlapAndAPagePastTheEndIsEmpty() {
        List<String> seen = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            CaseloadPage page = page("?size=25&sort=name&page=" + number, officer);
            assertEquals(3, page.pages());
            assertEquals(TOTAL, page.total());
            assertEquals((number - 1) * 25L + 1, page.first());
            seen.addAll(page.items().stream().map(CaseloadRow::id).toList());
        }
        CaseloadPage beyond = page("?size=25&page=4", officer);

        assertEquals(TOTAL, seen.size());
        assertEquals(TOTAL, new HashSet<>(seen).size());
        assertEquals(16, page("?size=25&page=3", officer).items().size());
        assertTrue(beyond.items().isEmpty());
        assertEquals(4, beyond.page());
        assertEquals(TOTAL, beyond.total());
        assertEquals(0, beyond.first());
    }

    @Test
    void eachRowCarriesItsProgressAndItsFlags() {
        CaseloadRow first = row("C-001");
        CaseloadRow second = row("C-002");
        CaseloadRow third = row("C-003");
        CaseloadRow fourth = row("C-004");
        CaseloadRow fifth = row("C-005");

        assertEquals(1, first.tasksDone());
        assertEquals(2, first.tasksTotal());
        assertEquals(1, first.overdueTasks());
        assertEquals(CaseloadData.today().minusDays(10).toString(), first.nextDueDate());
        assertEquals(Boolean.TRUE, first.buddyMatched());
        assertEquals(0, first.openConflicts());
        assertEquals("2026-03-01", first.arrivedOn());
        assertEquals("ER", first.nationality());
        assertTrue(first.flagged());
        assertEquals(1, second.openConflicts());
        assertEquals(0, second.overdueTasks());
        assertTrue(second.flagged());
        assertEquals(0, third.openConflicts(), "a resolved conflict is not open");
        assertEquals(Boolean.FALSE, third.buddyMatched(), "an ended match is not a buddy");
        assertFalse(third.flagged());
        assertEquals(0, fourth.overdueTasks(), "due today, deleted or done: not overdue");
        assertEquals(2, fourth.tasksTotal(), "a deleted task does not count");
        assertEquals(CaseloadData.today().toString(), fourth.nextDueDate());
        assertNull(fifth.nextDueDate());
        assertEquals(0, fifth.tasksDone());
        assertEquals(1, fifth.tasksTotal());
    }

    @Test
    void aBuddySeesOnlyMatchedHouseholdsWithMinimalFieldsAndSearchesByNameOnly() {
        String buddy = API.login(BUDDY);

        CaseloadPage page = page("", buddy);
        CaseloadRow row = page.items().get(0);

        assertEquals(1, page.total());
        assertEquals("name", page.sort());
        assertTrue(page.nationalities().isEmpty());
        assertEquals(tesfay, row.id());
        assertEquals("Familie Tesfay", row.displayName());
        assertEquals(JourneyStage.HOUSING_AND_REGISTRATION, row.stage());
        assertEquals(1, row.overdueTasks());
        assertNull(row.reference());
        assertNull(row.nationality());
        assertNull(row.arrivedOn());
        assertNull(row.arrivalPath());
        assertNull(row.openConflicts());
        assertNull(row.buddyMatched());
        String json = API.get("/api/caseload", buddy).body();
        assertFalse(json.contains("C-001") || json.contains("\"ER\"") || json.contains("2026-03-01"), json);
        assertEquals(1, page("?q=yonas", buddy).total());
        assertEquals(0, page("?q=C-001", buddy).total(), "a buddy cannot find a household by its reference");
        assertEquals(0, page("?q=mbeki", buddy).total(), "an ended match is out of scope");
        assertEquals(1, page("?sort=due&dir=desc", buddy).total());
        for (String refused : List.of("?stage=ARRIVAL", "?overdue=true", "?conflicts=false", "?buddy=true",
                "?nationality=ER", "?sort=reference", "?sort=arrival")) {
            Problem problem = API.get("/api/caseload" + refused, buddy).problem(400);
            assertTrue(problem.detail().startsWith(refused.substring(1, refused.indexOf('=')) + ":"), problem.detail());
        }
    }

    @Test
    void parametersThatAreNotAllowedGetA400ThatNamesThem() {
        String longSearch = "x".repeat(CaseloadFilter.MAX_QUERY + 1);
        for (String bad : List.of("stage=FLYING", "page=-1", "page=0", "page=two", "page=99999999999", "size=100000",
                "size=30", "size=ten", "sort=junk", "dir=up", "overdue=maybe", "conflicts=1", "buddy=yes",
                "nationality=Eritrea", "nationality=E1", "q=" + longSearch)) {
            Problem problem = API.get("/api/caseload?" + bad, officer).problem(400);
            String parameter = bad.substring(0, bad.indexOf('='));
            assertTrue(problem.detail().startsWith(parameter + ":"), bad + " → " + problem.detail());
        }
    }

    @Test
    void onlyOfficersAndBuddiesMayReadTheCaseload() {
        API.get("/api/caseload", null).problem(401);
        API.get("/api/caseload", API.login(Fixtures.EDITOR)).problem(403);
        API.get("/api/caseload", API.login(Fixtures.ADMIN)).problem(403);
        API.get("/api/caseload", Fixtures.device(API, "T-UNMATCHED").token()).problem(403);
    }

    @Test
    void readingTheCaseloadIsAuditedAsAListReadWithoutHousehold() {
        long before = listReads();

        page("?q=tesfay", officer);
        API.get("/api/caseload?stage=FLYING", officer).problem(400);

        assertEquals(before + 1, listReads(), "a refused request reads nothing");
    }

    @Test
    void theOldHouseholdListKeepsItsShapeForPhonesAndExistingCallers() {
        List<Household> households = API.get("/api/households", officer).asListOf(Household.class);

        assertEquals(TOTAL, households.size());
        Set<String> references = new HashSet<>();
        households.forEach(household -> references.add(household.reference()));
        assertTrue(references.contains("C-001") && references.contains("P-060"));
    }

    private static long listReads() {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'household.list'"
                + " AND household_id IS NULL AND actor_user_id = (SELECT id FROM app_user WHERE username = ?)", OFFICER);
    }

    private static CaseloadRow row(String reference) {
        return page("?q=" + reference, officer).items().stream()
                .filter(row -> reference.equals(row.reference()))
                .findFirst().orElseThrow();
    }

    private static CaseloadPage page(String query, String token) {
        Api.Response response = API.get("/api/caseload" + query, token);
        assertEquals(200, response.status(), response.body());
        return response.as(CaseloadPage.class);
    }

    private static List<String> references(CaseloadPage page) {
        return page.items().stream().map(CaseloadRow::reference).toList();
    }
}
