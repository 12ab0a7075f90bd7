package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import nl.welkom.client.Appointments;
import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentType;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.household.Household;

/**
 * Appointments through every layer (issue 11): an officer books one over the API, the family's phone
 * (the real library on its real SQLite store) pulls it, goes offline, still shows it with its reminder
 * due, and asks to move it; with the backend back the answer reaches the officer once, the officer
 * moves it, and the phone shows the change.
 */
class AppointmentsIT {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @TempDir
    Path tmp;

    private BackendProcess backend;
    private SqliteLocalStore store;

    @BeforeEach
    void startBackend() throws Exception {
        Path data = tmp.resolve("backend-data");
        Files.createDirectories(data);
        backend = new BackendProcess(data);
        backend.start();
    }

    @AfterEach
    void stopEverything() {
        if (store != null) {
            store.close();
        }
        backend.close();
    }

    @Test
    void aBookedAppointmentReachesTheOfflinePhoneWhichAsksToMoveItAndThenShowsTheMove() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household alKhatib = officer.household("Familie Al-Khatib");
        ActivationCode code = officer.createActivationCode(alKhatib.id());
        Instant start = LocalDate.now(AMSTERDAM).plusDays(2).atTime(LocalTime.of(10, 0)).atZone(AMSTERDAM).toInstant();
        Appointment booked = new Gson().fromJson(officer.send("POST", "/api/households/" + alKhatib.id() + "/appointments",
                command(start, "Gesprek over het inburgeringsplan")), Appointment.class);

        File storeFile = tmp.resolve("phone/welkom.db").toFile();
        assertTrue(storeFile.getParentFile().mkdirs());
        store = SqliteLocalStore.open(storeFile);
        Welkom phone = Welkom.builder().baseUrl(backend.baseUrl()).store(store).build();
        phone.activate(code.code(), "Telefoon Al-Khatib");
        phone.setLanguages(List.of("ar"));
        phone.sync(SyncListener.NONE);

        // Offline from here: the appointment is on the phone, with its reminder the evening before.
        backend.stop();
        Appointments appointments = phone.appointments();
        Appointments.Item item = appointments.get(booked.id()).orElseThrow();
        assertEquals(AppointmentType.PIP_MEETING, item.appointment().type());
        assertEquals(start, item.startsAt());
        Instant eveningBefore = Appointments.eveningBefore(start);
        // (The demo has appointments of its own for this family: look at this one's reminders only.)
        assertTrue(remindersOf(appointments, booked.id(), eveningBefore.minus(1, ChronoUnit.MINUTES)).isEmpty(), "not yet");
        assertEquals(List.of(Appointments.ReminderKind.EVENING_BEFORE), remindersOf(appointments, booked.id(), eveningBefore),
                "the reminder is due the evening before, offline");
        assertEquals(List.of(Appointments.ReminderKind.HOUR_BEFORE),
                remindersOf(appointments, booked.id(), start.minus(Duration.ofMinutes(30))));

        appointments.answer(booked.id(), AppointmentAnswer.ASK_TO_MOVE, "Liever in de middag");
        assertTrue(appointments.get(booked.id()).orElseThrow().answerPending(), "shown at once, waiting to sync");
        assertThrows(WelkomOfflineException.class, () -> phone.sync(SyncListener.NONE));

        backend.start();
        phone.sync(SyncListener.NONE);
        phone.sync(SyncListener.NONE);   // a second sync sends nothing again
        Appointment onServer = officersCopy(officer, alKhatib.id(), booked.id());
        assertEquals(AppointmentAnswer.ASK_TO_MOVE, onServer.answer());
        assertEquals("Liever in de middag", onServer.answerNote());

        // The officer moves it to the afternoon; the phone shows the change.
        Instant afternoon = start.plus(Duration.ofHours(4));
        Map<String, Object> moved = command(afternoon, "Gesprek over het inburgeringsplan");
        officer.send("PUT", "/api/appointments/" + booked.id(), moved);
        phone.sync(SyncListener.NONE);
        Appointments.Item after = phone.appointments().get(booked.id()).orElseThrow();
        assertEquals(afternoon, after.startsAt());
        assertTrue(after.changed(), "a moved appointment stands out");
        assertTrue(after.appointment().sequence() > item.appointment().sequence());
        assertFalse(after.answerPending());
    }

    private static List<Appointments.ReminderKind> remindersOf(Appointments appointments, String id, Instant now) {
        return appointments.due(now).stream().filter(r -> r.item().appointment().id().equals(id))
                .map(Appointments.Reminder::kind).collect(java.util.stream.Collectors.toList());
    }

    private static Appointment officersCopy(Officer officer, String householdId, String id) throws Exception {
        Appointment[] all = new Gson().fromJson(officer.get("/api/households/" + householdId + "/appointments"),
                Appointment[].class);
        for (Appointment appointment : all) {
            if (appointment.id().equals(id)) {
                return appointment;
            }
        }
        throw new AssertionError("the officer does not see the appointment");
    }

    private static Map<String, Object> command(Instant start, String purpose) {
        Map<String, Object> command = new HashMap<>();
        command.put("type", "PIP_MEETING");
        command.put("purpose", purpose);
        command.put("startsAt", start.toString());
        command.put("endsAt", start.plus(Duration.ofMinutes(45)).toString());
        command.put("address", "Lübeckplein 2, Zwolle");
        command.put("bring", "Uw verblijfsdocument");
        command.put("interpreterLanguage", "ar");
        return command;
    }
}
