package nl.welkom.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.buddy.BuddyMatchInfo;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.household.Household;
import org.junit.jupiter.api.Test;

/**
 * A household entering a family friend's phone (a new match) brings its appointments that end
 * after 30 days ago — upcoming ones and recent past ones — but not long past ones.
 */
class AppointmentEnteringScopeApiTest {
    private static final Api API = new Api();

    @Test
    void aNewMatchBringsTheHouseholdsRecentAndUpcomingAppointmentsButNotLongPastOnes() throws SQLException {
        String officer = API.login(Fixtures.OFFICER);
        String friend = API.login(Appointments.BUDDY);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        String friendId = Fixtures.buddyId(API, officer, Appointments.BUDDY);
        Appointment upcoming = Appointments.create(API, officer, household, Appointments.command("Bij de tandarts", 3));
        Instant now = Instant.now();
        String recent = insertPast(household, now.minus(Duration.ofDays(10)));
        String longPast = insertPast(household, now.minus(Duration.ofDays(45)));
        String justOver = insertPast(household, now.minus(Duration.ofDays(31)));
        try {
            enterAndCheck(officer, friend, household, friendId, upcoming, now, recent, longPast, justOver);
        } finally {
            delete(List.of(recent, longPast, justOver));
        }
    }

    private static void enterAndCheck(String officer, String friend, String household, String friendId,
                                      Appointment upcoming, Instant now, String recent, String longPast,
                                      String justOver) {

        String active = API.get("/api/households/" + household + "/buddy-matches", officer)
                .asListOf(BuddyMatchInfo.class).stream().filter(match -> match.endedAt() == null
                        && match.buddyUserId().equals(friendId)).findFirst().orElseThrow().id();
        Fixtures.endMatch(API, officer, active);
        long cursor = drain(friend);
        Fixtures.match(API, officer, household, friendId);

        Pulled entered = pull(friend, cursor);
        assertEquals(List.of(household), entered.households().stream().map(Household::id).toList());
        Set<String> brought = entered.appointments().stream().map(Appointment::id).collect(Collectors.toSet());
        assertTrue(brought.contains(upcoming.id()) && brought.contains(recent), "upcoming and recent: " + brought);
        assertTrue(!brought.contains(longPast) && !brought.contains(justOver), "not long past ones: " + brought);
        assertEquals(brought, ids(household, now.minus(Duration.ofDays(30))),
                "every appointment of the household that ends after 30 days ago");
    }

    /** An appointment that took place (an hour) ending at {@code endedAt}, written long ago. */
    private static String insertPast(String household, Instant endedAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = TestServer.get().database();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO appointment (id, household_id,"
                     + " member_ids, type, purpose, starts_at, ends_at, by_phone, status, answer, sequence, version,"
                     + " change_seq, created_at, created_by, updated_at) VALUES (?, ?, '', 'GP', 'Bij de huisarts',"
                     + " ?, ?, FALSE, 'PLANNED', 'NONE', 0, 1, 1, ?, 'test', ?)")) {
            insert.setString(1, id);
            insert.setString(2, household);
            insert.setLong(3, endedAt.minus(Duration.ofHours(1)).toEpochMilli());
            insert.setLong(4, endedAt.toEpochMilli());
            insert.setLong(5, endedAt.toEpochMilli());
            insert.setLong(6, endedAt.toEpochMilli());
            insert.executeUpdate();
        }
        return id;
    }

    /** The past appointments this test wrote stay out of the other tests' way. */
    private static void delete(List<String> ids) throws SQLException {
        try (Connection connection = TestServer.get().database();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM appointment WHERE id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }

    private static Set<String> ids(String household, Instant endsAfter) {
        String officer = API.login(Fixtures.OFFICER);
        return API.get("/api/households/" + household + "/appointments", officer).asListOf(Appointment.class).stream()
                .filter(appointment -> Instant.parse(appointment.endsAt()).isAfter(endsAfter))
                .map(Appointment::id).collect(Collectors.toSet());
    }

    /**
     * The parts of a pull this test reads (the messages and announcements of the wire contract are
     * another feature's; until their wire format is registered, PullResponse cannot be read whole).
     */
    @Serdeable
    record Pulled(long cursor, boolean hasMore, List<Household> households, List<Appointment> appointments) {
    }

    private static long drain(String token) {
        long cursor = 0;
        Pulled page;
        do {
            page = pull(token, cursor);
            cursor = page.cursor();
        } while (page.hasMore());
        return cursor;
    }

    private static Pulled pull(String token, long after) {
        Api.Response response = API.get("/api/sync/pull?after=" + after + "&limit=200", token);
        assertEquals(200, response.status(), response.body());
        return response.as(Pulled.class);
    }
}
