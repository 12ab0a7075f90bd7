package nl.welkom.housing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.welkom.TestDatabase;
import nl.welkom.TestServer;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Fill and lateness through the whole server on a clock that stands still on 15 March 2027
 * ({@link FixedClockFactory}): what the API answers and what {@link HousingQuota#fill} gives the reports.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaFillClockTest implements TestPropertyProvider {
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 15);

    private final Path dataDir = temporaryFolder();
    private String token;
    private String testdorp;
    private String housedToday;
    private String lateIn28Days;
    private String notLateIn29Days;
    private String movingInTomorrow;
    private String movedAway;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    HousingQuota quota;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestServer.properties(dataDir).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(FixedClockFactory.TODAY, TODAY.toString());
        return properties;
    }

    @BeforeAll
    void households() throws SQLException {
        token = http.toBlocking().retrieve(HttpRequest.POST("/api/auth/login",
                new LoginRequest("officer@testdorp.test", "test-password")), Session.class).token();
        try (Connection db = database()) {
            testdorp = TestHouseholds.municipalityId(db, "testdorp");
            housedToday = TestHouseholds.insert(db, testdorp, "F-A", "ER", "Shimelba", "2027-03-01", null, 3);
            lateIn28Days = TestHouseholds.insert(db, testdorp, "F-B", "ER", "Shimelba", null, "2027-04-12", 2);
            notLateIn29Days = TestHouseholds.insert(db, testdorp, "F-C", "SY", null, null, "2027-04-13", 4);
            movingInTomorrow = TestHouseholds.insert(db, testdorp, "F-D", "SY", null, "2027-01-10", null, 1);
            movedAway = TestHouseholds.insert(db, testdorp, "F-E", "SY", null, "2027-01-10", null, 6);
        }
        String period = post("/api/housing/periods", Map.of("label", "2027-1", "startsOn", "2027-01-01",
                "endsOn", "2027-04-26", "targetPersons", 8), HousingWire.PeriodDetail.class).period().id();
        post("/api/housing/periods", Map.of("label", "2027-2", "startsOn", "2027-04-27", "endsOn", "2027-12-31",
                "targetPersons", 5), HousingWire.PeriodDetail.class);
        post("/api/housing/periods", Map.of("label", "2026-2", "startsOn", "2026-07-01", "endsOn", "2026-12-31",
                "targetPersons", 4), HousingWire.PeriodDetail.class);
        for (String household : List.of(housedToday, lateIn28Days, notLateIn29Days, movingInTomorrow, movedAway)) {
            post("/api/housing/periods/" + period + "/households", Map.of("householdId", household),
                    HousingWire.PeriodDetail.class);
        }
        accept(housedToday, "2027-03-15");
        accept(movingInTomorrow, "2027-03-16");
        accept(movedAway, "2027-02-01");
        // The household moves to another municipality: it no longer counts here.
        try (Connection db = database();
             PreparedStatement move = db.prepareStatement("UPDATE household SET municipality_id ="
                     + " (SELECT id FROM municipality WHERE slug = 'anderstad') WHERE id = ?")) {
            move.setString(1, movedAway);
            move.executeUpdate();
        }
    }

    @AfterAll
    void removeData() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder harms nothing
        }
    }

    @Test
    void thePeriodCountsThePersonsHousedByTodayAndIsBehindInItsLastSixWeeks() {
        Map<String, HousingWire.PeriodInfo> periods = http.toBlocking().retrieve(
                        HttpRequest.GET("/api/housing/periods").bearerAuth(token),
                        Argument.listOf(HousingWire.PeriodInfo.class)).stream()
                .collect(Collectors.toMap(HousingWire.PeriodInfo::label, p -> p));

        HousingWire.PeriodInfo current = periods.get("2027-1");
        assertEquals("CURRENT", current.phase());
        assertEquals(4, current.linkedHouseholds(), "the household that moved away no longer counts");
        assertEquals(10, current.linkedPersons());
        assertEquals(1, current.housedHouseholds());
        assertEquals(3, current.housedPersons());
        assertEquals(38, current.fillPercent(), "3 of 8 persons");
        assertTrue(current.behind(), "ends in exactly six weeks, under target");
        assertFalse(periods.get("2027-2").behind(), "ends in more than six weeks");
        assertEquals("UPCOMING", periods.get("2027-2").phase());
        assertFalse(periods.get("2026-2").behind(), "ended: no longer 'behind'");
        assertEquals("PAST", periods.get("2026-2").phase());
    }

    @Test
    void aLinkedHouseholdWithoutAnAcceptedOfferIsLateFromFourWeeksBeforeItsArrival() {
        String id = http.toBlocking().retrieve(HttpRequest.GET("/api/housing/periods").bearerAuth(token),
                Argument.listOf(HousingWire.PeriodInfo.class)).stream()
                .filter(p -> p.label().equals("2027-1")).findFirst().orElseThrow().id();
        Map<String, HousingWire.LinkedHouseholdInfo> rows = http.toBlocking().retrieve(
                        HttpRequest.GET("/api/housing/periods/" + id).bearerAuth(token), HousingWire.PeriodDetail.class)
                .households().stream()
                .collect(Collectors.toMap(HousingWire.LinkedHouseholdInfo::householdId, row -> row));

        assertTrue(rows.get(lateIn28Days).late(), "expected in 28 days, no offer");
        assertFalse(rows.get(notLateIn29Days).late(), "expected in 29 days");
        assertTrue(rows.get(housedToday).housed(), "moved in today");
        assertFalse(rows.get(movingInTomorrow).housed(), "moves in tomorrow");
        assertFalse(rows.get(movingInTomorrow).late(), "has an accepted offer");
        assertFalse(rows.containsKey(movedAway));
    }

    @Test
    void theReportsGetTheSameCountsPerPeriodFromFill() {
        QuotaFill fill = quota.fill(testdorp);

        assertEquals(TODAY, fill.today());
        assertEquals(List.of("2026-2", "2027-1", "2027-2"), fill.periods().stream().map(QuotaFill.PeriodFill::label).toList());
        QuotaFill.PeriodFill current = fill.periods().get(1);
        assertEquals(new QuotaFill.PeriodFill("2027-1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 26), 8, 4, 10,
                1, 3, 38, true), current);
    }

    private void accept(String household, String moveIn) {
        post("/api/households/" + household + "/housing-offers", Map.of("street", "Dorpsstraat", "houseNumber", "2",
                "postcode", "1234 AB", "city", "Testdorp", "offeredOn", "2027-01-05", "status", "ACCEPTED",
                "moveInOn", moveIn), HousingWire.OfferInfo.class);
    }

    private <T> T post(String path, Object body, Class<T> type) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token), type);
    }

    private Connection database() {
        return TestDatabase.connect(dataDir);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("welkom-housing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
