package nl.welkom.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import nl.welkom.Api;
import nl.welkom.TestServer;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentType;

/** Shortcuts of the appointment tests: commands, making one through the API, reading the database. */
final class Appointments {
    static final String HOUSEHOLD = "T-APPT";
    static final String BUDDY = "planner@testdorp.test";

    private Appointments() {
    }

    /** A valid command: tomorrow (plus {@code days}) at a whole hour, one hour, at the town hall of Testdorp. */
    static AppointmentCommand command(String purpose, int days) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1 + days, ChronoUnit.DAYS);
        return new AppointmentCommand(AppointmentType.TOWN_HALL, purpose, start.toString(),
                start.plus(1, ChronoUnit.HOURS).toString(), null, townHall("testdorp"), null, false, "Paspoort",
                "ti", null);
    }

    static Appointment create(Api api, String token, String householdId, AppointmentCommand command) {
        Api.Response response = api.post("/api/households/" + householdId + "/appointments", token, command);
        assertEquals(201, response.status(), response.body());
        return response.as(Appointment.class);
    }

    static String townHall(String municipalitySlug) {
        return string("SELECT p.id FROM place p JOIN municipality m ON m.id = p.municipality_id"
                + " WHERE m.slug = ? AND p.category = 'TOWN_HALL'", municipalitySlug);
    }

    static List<String> memberIds(String householdId) {
        try (Connection connection = TestServer.get().database();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id FROM member WHERE household_id = ? ORDER BY sort_order")) {
            statement.setString(1, householdId);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String householdId) {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM appointment WHERE household_id = ?", householdId);
    }

    private static String string(String sql, String parameter) {
        try (Connection connection = TestServer.get().database();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
