package nl.welkom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.auth.Passwords;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.Session;

/**
 * Reports through the real HTTP server on a real SQLite file. Two municipalities of their own
 * (Noord and Zuid), made directly in the database with known households, members, tasks, course
 * progress and buddy matches, so that every count is known; Noord's name holds markup, to prove that
 * it is escaped wherever it appears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String NOORD_NAME = "Gemeente <b>Noord</b> & \"Oost\"";
    private static final String NOORD_OFFICER = "officer@rapport-noord.test";
    private static final String ZUID_OFFICER = "officer@rapport-zuid.test";
    private static final String NOORD_BUDDY = "buddy@rapport-noord.test";
    /** Reads the files back the way a program would: semicolons, and notes as comment lines. */
    private static final CSVFormat READ = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
            .setCommentMarker('#').get();

    private final TestServer server = TestServer.get();
    private final Api api = new Api(server);
    private final LocalDate today = LocalDate.now(AMSTERDAM);
    private final LocalDate thisMonth = today.withDayOfMonth(1);
    private final LocalDate threeMonthsAgo = thisMonth.minusMonths(3);
    private final LocalDate longAgo = thisMonth.minusMonths(30);
    private final List<String> housingHouseholds = new ArrayList<>();

    @BeforeAll
    void makeTwoMunicipalitiesWithKnownHouseholds() {
        String noord = municipality("rapport-noord", NOORD_NAME);
        String zuid = municipality("rapport-zuid", "Gemeente Zuid");
        user(noord, NOORD_OFFICER, "OFFICER");
        user(zuid, ZUID_OFFICER, "OFFICER");
        String buddy = user(noord, NOORD_BUDDY, "BUDDY");

        // Noord: 6 households arrived this month (2 members each), in housing; each has one task done,
        // one overdue; the first also one open task not yet due, and one removed task.
        for (int i = 0; i < 6; i++) {
            String household = household(noord, "N-H" + i, "HOUSING_AND_REGISTRATION", thisMonth, 2);
            housingHouseholds.add(household);
            task(household, "HOUSING_AND_REGISTRATION", "DONE", null, false, System.currentTimeMillis());
            task(household, "HOUSING_AND_REGISTRATION", "OPEN", today.minusDays(1), false, System.currentTimeMillis());
            if (i == 0) {
                task(household, "HOUSING_AND_REGISTRATION", "OPEN", today.plusDays(7), false, System.currentTimeMillis());
                task(household, "HOUSING_AND_REGISTRATION", "OPEN", today.minusDays(3), true, System.currentTimeMillis());
            }
            // Five have an active family friend; the sixth had one, whose match has ended.
            match(buddy, household, i == 5);
        }
        // 2 households arrived three months ago (3 members each), in civic integration, with one old done task.
        for (int i = 0; i < 2; i++) {
            String household = household(noord, "N-C" + i, "CIVIC_INTEGRATION", threeMonthsAgo, 3);
            task(household, "CIVIC_INTEGRATION", "DONE", null, false,
                    longAgo.atStartOfDay(AMSTERDAM).toInstant().toEpochMilli());
        }
        // 1 household that arrived long ago (1 member), settled; 1 not arrived yet (3 members) with course progress.
        household(noord, "N-S0", "SETTLED", longAgo, 1);
        String preparing = household(noord, "N-P0", "PRE_DEPARTURE", null, 3);
        List<String> members = members(preparing);
        server.update("INSERT INTO course_completion (id, household_id, member_id, course_slug, completed_at) "
                + "VALUES (?, ?, ?, 'test-course', ?)", UUID.randomUUID().toString(), preparing, members.get(0), 1L);
        server.update("INSERT INTO course_answer (mutation_id, household_id, member_id, course_slug, question_slug, "
                + "option_index, correct, answered_at) VALUES (?, ?, ?, 'test-course', 'bags', 0, FALSE, 1)",
                UUID.randomUUID().toString(), preparing, members.get(1));

        // Zuid: 7 households, arrived this month, one member each, at arrival.
        for (int i = 0; i < 7; i++) {
            household(zuid, "Z-A" + i, "ARRIVAL", thisMonth, 1);
        }
    }

    @Test
    void arrivalsCountHouseholdsAndPersonsPerMonthOfTheOfficersMunicipality() {
        ReportCounts arrivals = counts(NOORD_OFFICER, "arrivals", "last-12-months");

        assertEquals(List.of("households", "persons"), arrivals.series());
        assertEquals("municipality", arrivals.scope());
        assertEquals(thisMonth.minusMonths(11).toString(), arrivals.from());
        assertEquals(today.toString(), arrivals.to());
        assertEquals(12, arrivals.rows().size(), "every month of the period, empty ones too");
        Map<String, List<Long>> byMonth = byKey(arrivals);
        assertEquals(List.of(6L, 12L), byMonth.get(YearMonth.from(thisMonth).toString()));
        assertEquals(List.of(2L, 6L), byMonth.get(YearMonth.from(threeMonthsAgo).toString()));
        assertEquals(8L, arrivals.rows().stream().mapToLong(row -> row.counts().get(0)).sum(),
                "the household that arrived 30 months ago and the one not arrived yet are not counted");
    }

    @Test
    void allTimeArrivalsShowTwoYearsOfMonthsAndOneRowForEverythingBefore() {
        ReportCounts arrivals = counts(NOORD_OFFICER, "arrivals", "all");

        assertNull(arrivals.from());
        assertEquals(25, arrivals.rows().size());
        assertEquals("earlier", arrivals.rows().get(0).key());
        assertEquals(List.of(1L, 1L), arrivals.rows().get(0).counts());
    }

    @Test
    void thisYearCountsArrivalsFromTheFirstOfJanuary() {
        ReportCounts arrivals = counts(NOORD_OFFICER, "arrivals", "this-year");

        assertEquals(today.withDayOfYear(1).toString(), arrivals.from());
        long expected = 6 + (threeMonthsAgo.getYear() == today.getYear() ? 2 : 0);
        assertEquals(expected, arrivals.rows().stream().mapToLong(row -> row.counts().get(0)).sum());
        assertEquals(today.getMonthValue(), arrivals.rows().size());
    }

    @Test
    void householdsPerStageCoverEveryStageInJourneyOrder() {
        ReportCounts stages = counts(NOORD_OFFICER, "stages", null);

        assertFalse(stages.periodic());
        assertEquals(List.of("SELECTED", "PRE_DEPARTURE", "TRAVEL", "ARRIVAL", "HOUSING_AND_REGISTRATION",
                "CIVIC_INTEGRATION", "SETTLED"), stages.rows().stream().map(ReportCounts.CountRow::key).toList());
        Map<String, List<Long>> byStage = byKey(stages);
        assertEquals(List.of(0L), byStage.get("SELECTED"));
        assertEquals(List.of(1L), byStage.get("PRE_DEPARTURE"));
        assertEquals(List.of(0L), byStage.get("ARRIVAL"), "Zuid's seven households at arrival stay out of Noord's counts");
        assertEquals(List.of(6L), byStage.get("HOUSING_AND_REGISTRATION"));
        assertEquals(List.of(2L), byStage.get("CIVIC_INTEGRATION"));
        assertEquals(List.of(1L), byStage.get("SETTLED"));
    }

    @Test
    void tasksAreDoneOpenOrOverdueAndRemovedOrOldTasksAreLeftOut() {
        ReportCounts recent = counts(NOORD_OFFICER, "tasks", "last-12-months");
        ReportCounts all = counts(NOORD_OFFICER, "tasks", "all");

        assertEquals(List.of("done", "open", "overdue"), recent.series());
        assertEquals(List.of(6L, 1L, 6L), byKey(recent).get("HOUSING_AND_REGISTRATION"));
        assertEquals(List.of(0L, 0L, 0L), byKey(recent).get("CIVIC_INTEGRATION"), "made 30 months ago");
        assertEquals(List.of(2L, 0L, 0L), byKey(all).get("CIVIC_INTEGRATION"));
    }

    @Test
    void courseCompletionCountsEveryMemberOnce() {
        ReportCounts course = counts(NOORD_OFFICER, "course", "all");

        assertEquals(List.of("members"), course.series());
        assertEquals(Map.of("COMPLETED", List.of(1L), "STARTED", List.of(1L), "NOT_STARTED", List.of(20L)), byKey(course));
    }

    @Test
    void buddyCoverageCountsOnlyActiveMatches() {
        ReportCounts buddies = counts(NOORD_OFFICER, "buddies", null);

        assertEquals(List.of("withBuddy", "withoutBuddy"), buddies.series());
        assertEquals(List.of(5L, 1L), byKey(buddies).get("HOUSING_AND_REGISTRATION"));
        assertEquals(List.of(0L, 2L), byKey(buddies).get("CIVIC_INTEGRATION"));
    }

    @Test
    void aMunicipalityNeverSeesAnothersCounts() {
        assertEquals(List.of(7L), byKey(counts(ZUID_OFFICER, "stages", null)).get("ARRIVAL"));
        assertEquals(7L, total(counts(ZUID_OFFICER, "stages", null)));
        assertEquals(10L, total(counts(NOORD_OFFICER, "stages", null)));
        long testdorp = server.queryLong("SELECT COUNT(*) FROM household h JOIN municipality m "
                + "ON m.id = h.municipality_id WHERE m.slug = 'testdorp'");
        assertEquals(testdorp, total(counts(Fixtures.OFFICER, "stages", null)));
        String csv = api.get("/api/reports/stages.csv", api.login(ZUID_OFFICER)).body();
        assertFalse(csv.contains("Noord"));
    }

    @Test
    void anAdministratorGetsNationalCounts() {
        ReportCounts stages = counts(Fixtures.ADMIN, "stages", null);

        assertEquals("national", stages.scope());
        assertEquals(server.queryLong("SELECT COUNT(*) FROM household"), total(stages));
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkSemicolonsADutchHeaderAndTheSmallCellRule() throws IOException {
        Api.Response response = api.get("/api/reports/arrivals.csv?period=last-12-months", api.login(NOORD_OFFICER));

        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("text/csv"), response.header("Content-Type"));
        assertEquals("attachment; filename=\"welkom-aankomsten-" + today + ".csv\"", response.header("Content-Disposition"));
        assertTrue(response.body().startsWith("\uFEFF"), "byte-order mark, for Excel");
        List<CSVRecord> records = parse(response.body());
        assertEquals(List.of("Maand", "Huishoudens", "Personen"), records.get(0).toList());
        assertEquals(13, records.size(), "a header and twelve months; the notes are comments");
        Map<String, List<String>> byLabel = records.stream().skip(1)
                .collect(Collectors.toMap(record -> record.get(0), record -> record.toList().subList(1, 3)));
        assertEquals(List.of("6", "12"), byLabel.get(dutchMonth(thisMonth)), "6 households: exact");
        assertEquals(List.of("<5", "<5"), byLabel.get(dutchMonth(threeMonthsAgo)),
                "2 households, and their 6 persons: under the small-cell rule");
        assertEquals(List.of("0", "0"), byLabel.get(dutchMonth(thisMonth.minusMonths(1))), "nothing to hide in a zero");
        assertTrue(response.body().contains("\r\n# <5 betekent: minder dan 5 huishoudens."), response.body());
        assertTrue(response.body().contains(NOORD_NAME), "the notes say whose counts these are");
    }

    @Test
    void theCsvSpeaksEnglishOnRequestAndHidesSmallTaskCounts() throws IOException {
        Api.Response response = api.get("/api/reports/tasks.csv?period=all", api.login(NOORD_OFFICER),
                "Accept-Language", "en");

        assertEquals("attachment; filename=\"welkom-tasks-" + today + ".csv\"", response.header("Content-Disposition"));
        List<CSVRecord> records = parse(response.body());
        assertEquals(List.of("Stage of the task", "Done", "Open", "Overdue"), records.get(0).toList());
        Map<String, List<String>> byStage = records.stream().skip(1)
                .collect(Collectors.toMap(record -> record.get(0), record -> record.toList().subList(1, 4)));
        assertEquals(List.of("6", "<5", "6"), byStage.get("Housing and registration (BRP)"),
                "one open task of one household is hidden; six of six households are not");
        assertEquals(List.of("<5", "0", "0"), byStage.get("Civic integration (inburgering)"));
        assertTrue(response.body().contains("# <5 means: fewer than 5 households."), response.body());
    }

    @Test
    void everyReportDownloadsAsCsvWithAHeaderRow() throws IOException {
        String token = api.login(NOORD_OFFICER);
        List<ReportInfo> listed = api.get("/api/reports", token).asListOf(ReportInfo.class);

        assertEquals(List.of("arrivals", "stages", "tasks", "course", "buddies", "quota", "family-friends"),
                listed.stream().map(ReportInfo::name).toList());
        for (ReportInfo report : listed) {
            Api.Response response = api.get("/api/reports/" + report.name() + ".csv", token);
            assertEquals(200, response.status(), report.name());
            List<CSVRecord> records = parse(response.body());
            // Noord has no quota periods: that report is its header alone; every other one has rows.
            assertTrue(records.size() > ("quota".equals(report.name()) ? 0 : 1), report.name());
            int width = records.get(0).size();
            records.forEach(record -> assertEquals(width, record.size(), report.name() + ": " + record));
        }
    }

    @Test
    void readsAndExportsAreAuditedWithAnActionNameAndNoHousehold() {
        String token = api.login(NOORD_OFFICER);
        String officerId = userId(NOORD_OFFICER);
        assertNotNull(officerId);
        long reads = audits(officerId, Reports.AUDIT_READ);
        long exports = audits(officerId, Reports.AUDIT_EXPORT);

        api.get("/api/reports/stages", token);
        api.get("/api/reports/stages.csv", token);

        assertEquals(reads + 1, audits(officerId, Reports.AUDIT_READ));
        assertEquals(exports + 1, audits(officerId, Reports.AUDIT_EXPORT));
        assertEquals(0, server.queryLong("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'report.%' "
                + "AND household_id IS NOT NULL"));
    }

    @Test
    void theReportsPageDrawsEveryChartAsWellFormedSvgWithTheMunicipalityNameEscaped() throws Exception {
        Api.Response page = api.get("/dashboard/reports?period=all", api.login(NOORD_OFFICER));

        assertEquals(200, page.status());
        assertFalse(page.body().contains("<b>Noord</b>"), "markup in a name is never markup on the page");
        List<String> charts = SvgCheck.svgs(page.body());
        assertEquals(6, charts.size());
        for (String svg : charts) {
            SvgCheck.parse(svg);
            assertFalse(svg.contains("<b>"), svg);
            assertFalse(svg.contains("<script"), svg);
        }
        assertTrue(charts.get(1).contains("Gemeente &lt;b&gt;Noord&lt;/b&gt; &amp; &quot;Oost&quot;"), charts.get(1));
    }

    @Test
    void aBadPeriodIsABadRequestAndAnUnknownReportIsNotFound() {
        String token = api.login(NOORD_OFFICER);

        Problem period = api.get("/api/reports/arrivals?period=last-week", token).problem(400);
        assertTrue(period.detail().contains("this-year, last-12-months, all"), period.detail());
        api.get("/api/reports/arrivals.csv?period=decade", token).problem(400);
        api.get("/api/reports/names", token).problem(404);
        api.get("/api/reports/names.csv", token).problem(404);
        assertEquals(400, api.get("/dashboard/reports?period=decade", token).status());
    }

    @Test
    void onlyOfficersAndAdministratorsMayReadReports() {
        Session device = Fixtures.device(api, "T-ACTIVATION");
        Map<String, String> tokens = Map.of(
                "buddy", api.login(Fixtures.BUDDY),
                "editor", api.login(Fixtures.EDITOR),
                "device", device.token());
        for (String path : List.of("/api/reports", "/api/reports/arrivals", "/api/reports/arrivals.csv")) {
            api.get(path, null).problem(401);
            tokens.forEach((who, token) -> assertEquals(403, api.get(path, token).problem(403).status(), who + " " + path));
            assertEquals(200, api.get(path, api.login(Fixtures.OTHER_OFFICER)).status(), path);
            assertEquals(200, api.get(path, api.login(Fixtures.ADMIN)).status(), path);
        }
        assertEquals(303, api.get("/dashboard/reports", null).status());
        assertEquals("/login", api.get("/dashboard/reports", null).header("Location"));
        tokens.forEach((who, token) -> assertEquals(403, api.get("/dashboard/reports", token).status(), who));
        assertEquals(200, api.get("/dashboard/reports", api.login(Fixtures.ADMIN)).status());
    }

    // --- helpers -------------------------------------------------------------------------------

    private ReportCounts counts(String username, String report, String period) {
        Api.Response response = api.get("/api/reports/" + report + (period == null ? "" : "?period=" + period),
                api.login(username));
        assertEquals(200, response.status(), response.body());
        return response.as(ReportCounts.class);
    }

    private static Map<String, List<Long>> byKey(ReportCounts counts) {
        return counts.rows().stream().collect(Collectors.toMap(ReportCounts.CountRow::key, ReportCounts.CountRow::counts));
    }

    private static long total(ReportCounts counts) {
        return counts.rows().stream().mapToLong(row -> row.counts().get(0)).sum();
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
            return parser.getRecords();
        }
    }

    private static String dutchMonth(LocalDate month) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag("nl")).format(month);
    }

    private long audits(String userId, String action) {
        return server.queryLong("SELECT COUNT(*) FROM audit_event WHERE actor_user_id = ? AND action = ?", userId, action);
    }

    private String userId(String username) {
        return query("SELECT id FROM app_user WHERE username = ?", username);
    }

    private String query(String sql, Object... parameters) {
        try (var connection = server.database(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> members(String householdId) {
        List<String> ids = new ArrayList<>();
        try (var connection = server.database();
             var statement = connection.prepareStatement("SELECT id FROM member WHERE household_id = ? ORDER BY sort_order")) {
            statement.setString(1, householdId);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private String municipality(String slug, String name) {
        String id = UUID.randomUUID().toString();
        server.update("INSERT INTO municipality (id, slug, name, created_at) VALUES (?, ?, ?, 1)", id, slug, name);
        return id;
    }

    private String user(String municipalityId, String username, String role) {
        String id = UUID.randomUUID().toString();
        String hash = server.context().getBean(Passwords.class).hash("test-password");
        server.update("INSERT INTO app_user (id, username, password_hash, role, municipality_id, display_name, languages, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, 'nl', 1)", id, username, hash, role, municipalityId, role + " " + username);
        return id;
    }

    private String household(String municipalityId, String reference, String stage, LocalDate arrivedOn, int members) {
        String id = UUID.randomUUID().toString();
        server.update("INSERT INTO household (id, municipality_id, reference, display_name, arrival_path, stage, languages, "
                + "version, change_seq, created_at, arrived_on) VALUES (?, ?, ?, ?, 'DIRECT', ?, 'ar', 1, 0, 1, ?)",
                id, municipalityId, reference, "Familie " + reference, stage, arrivedOn == null ? null : arrivedOn.toString());
        for (int i = 0; i < members; i++) {
            server.update("INSERT INTO member (id, household_id, display_name, languages, sort_order) VALUES (?, ?, ?, 'ar', ?)",
                    UUID.randomUUID().toString(), id, "Lid " + i, i);
        }
        return id;
    }

    private void task(String householdId, String stage, String status, LocalDate due, boolean deleted, long createdAt) {
        server.update("INSERT INTO task (id, household_id, stage, assignee, due_date, status, version, status_version, "
                + "change_seq, deleted, sort_order, created_at) VALUES (?, ?, ?, 'FAMILY', ?, ?, 1, 1, 0, ?, 0, ?)",
                UUID.randomUUID().toString(), householdId, stage, due == null ? null : due.toString(), status, deleted,
                createdAt);
    }

    private void match(String buddyUserId, String householdId, boolean ended) {
        server.update("INSERT INTO buddy_match (id, buddy_user_id, household_id, started_at, ended_at) VALUES (?, ?, ?, 1, ?)",
                UUID.randomUUID().toString(), buddyUserId, householdId, ended ? 2L : null);
    }
}
