package nl.welkom.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.appointment.AppointmentType;

class AppointmentApiTest {
    private static final Api API = new Api();

    @Test
    void anOfficerPlansAnAppointmentThatTheMatchedBuddyAndTheFamilysPhoneSee() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        List<String> members = Appointments.memberIds(household);
        AppointmentCommand base = Appointments.command("Inschrijven in de BRP", 3);
        AppointmentCommand command = new AppointmentCommand(base.type(), base.purpose(), base.startsAt(), base.endsAt(),
                List.of(members.get(0)), base.placeId(), null, false, "Paspoort en huurcontract", "ti", null);

        Appointment made = Appointments.create(API, officer, household, command);

        assertEquals(household, made.householdId());
        assertEquals(List.of(members.get(0)), made.memberIds());
        assertEquals(Instant.parse(command.startsAt()).toString(), made.startsAt());
        assertEquals(AppointmentStatus.PLANNED, made.status());
        assertEquals(AppointmentAnswer.NONE, made.answer());
        assertEquals("Officer Testdorp", made.withName());
        assertEquals(0, made.sequence());
        assertEquals(1, made.version());
        String buddy = API.login(Appointments.BUDDY);
        String phone = Fixtures.device(API, Appointments.HOUSEHOLD).token();
        for (String token : List.of(officer, buddy, phone)) {
            List<Appointment> seen = API.get("/api/households/" + household + "/appointments", token)
                    .asListOf(Appointment.class);
            assertTrue(seen.contains(made), seen.toString());
        }
        assertTrue(TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'appointment.list'"
                + " AND household_id = ?", household) >= 3);
    }

    @Test
    void theMatchedBuddyMayPlanAnAppointmentToo() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        Appointment made = Appointments.create(API, API.login(Appointments.BUDDY), household,
                Appointments.command("Samen naar de bank", 4));
        assertEquals("Planner Testdorp", made.withName());
    }

    @Test
    void movingRaisesTheSequenceAndClearsTheAnswerWhileRewordingOnlyRaisesTheVersion() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        AppointmentCommand command = Appointments.command("Gesprek over de inburgering", 5);
        Appointment made = Appointments.create(API, officer, household, command);

        AppointmentCommand reworded = new AppointmentCommand(command.type(), "Gesprek over het PIP", command.startsAt(),
                command.endsAt(), null, command.placeId(), null, false, null, null, null);
        Appointment edited = API.put("/api/appointments/" + made.id(), officer, reworded).as(Appointment.class);
        assertEquals("Gesprek over het PIP", edited.purpose());
        assertEquals(0, edited.sequence());
        assertEquals(2, edited.version());

        Instant later = Instant.parse(command.startsAt()).plus(2, ChronoUnit.HOURS);
        AppointmentCommand moved = new AppointmentCommand(AppointmentType.PIP_MEETING, "Gesprek over het PIP",
                later.toString(), later.plus(1, ChronoUnit.HOURS).toString(), null, null, null, true, null, null, null);
        Appointment moving = API.put("/api/appointments/" + made.id(), officer, moved).as(Appointment.class);
        assertEquals(1, moving.sequence());
        assertEquals(3, moving.version());
        assertTrue(moving.byPhone());
        assertNull(moving.placeId());

        Api.Response cancel = API.post("/api/appointments/" + made.id() + "/cancel", officer, "");
        assertEquals(200, cancel.status(), cancel.body());
        Appointment cancelled = cancel.as(Appointment.class);
        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertEquals(2, cancelled.sequence());
        assertTrue(API.put("/api/appointments/" + made.id(), officer, moved).problem(400).detail().contains("cancelled"));
    }

    @Test
    void badInputIsRefusedWithAClearProblemAndNothingIsStored() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        String otherHousehold = Fixtures.householdId(API, officer, "T-SCOPE");
        AppointmentCommand good = Appointments.command("Controle", 2);
        Instant start = Instant.parse(good.startsAt());
        String anderstadTownHall = Appointments.townHall("anderstad");
        long before = Appointments.count(household);

        List<AppointmentCommand> bad = List.of(
                new AppointmentCommand(good.type(), good.purpose(), good.startsAt(), start.minusSeconds(60).toString(),
                        null, null, null, false, null, null, null),
                new AppointmentCommand(good.type(), good.purpose(), start.minus(5, ChronoUnit.DAYS).toString(),
                        start.minus(5, ChronoUnit.DAYS).plusSeconds(3600).toString(), null, null, null, false, null, null, null),
                new AppointmentCommand(good.type(), "  ", good.startsAt(), good.endsAt(), null, null, null, false, null, null, null),
                new AppointmentCommand(good.type(), "x".repeat(501), good.startsAt(), good.endsAt(), null, null, null, false,
                        null, null, null),
                new AppointmentCommand(null, good.purpose(), good.startsAt(), good.endsAt(), null, null, null, false, null, null, null),
                new AppointmentCommand(good.type(), good.purpose(), "tomorrow", good.endsAt(), null, null, null, false, null, null, null),
                new AppointmentCommand(good.type(), good.purpose(), good.startsAt(), good.endsAt(),
                        Appointments.memberIds(otherHousehold), null, null, false, null, null, null),
                new AppointmentCommand(good.type(), good.purpose(), good.startsAt(), good.endsAt(), null, anderstadTownHall,
                        null, false, null, null, null),
                new AppointmentCommand(good.type(), good.purpose(), good.startsAt(), good.endsAt(), null, good.placeId(),
                        null, true, null, null, null));
        for (AppointmentCommand command : bad) {
            String detail = API.post("/api/households/" + household + "/appointments", officer, command).problem(400).detail();
            assertTrue(detail != null && !detail.isBlank());
        }
        assertEquals(before, Appointments.count(household));

        Appointment made = Appointments.create(API, officer, household, good);
        API.put("/api/appointments/" + made.id(), officer, bad.get(0)).problem(400);
        Appointment stored = API.get("/api/households/" + household + "/appointments", officer).asListOf(Appointment.class)
                .stream().filter(a -> a.id().equals(made.id())).findFirst().orElseThrow();
        assertEquals(made, stored);
    }

    @Test
    void onlyTheHouseholdsOfficersMatchedBuddyAndPhoneReachItsAppointments() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        AppointmentCommand command = Appointments.command("Huisbezoek", 6);
        Appointment made = Appointments.create(API, officer, household, command);
        String list = "/api/households/" + household + "/appointments";
        String one = "/api/appointments/" + made.id();
        String otherOfficer = API.login(Fixtures.OTHER_OFFICER);
        String otherBuddy = API.login(Fixtures.OTHER_BUDDY);
        String unmatchedBuddy = API.login(Fixtures.BUDDY);
        String otherPhone = Fixtures.device(API, "T-UNMATCHED").token();
        String ownPhone = Fixtures.device(API, Appointments.HOUSEHOLD).token();
        String editor = API.login(Fixtures.EDITOR);
        String admin = API.login(Fixtures.ADMIN);

        for (String token : List.of(otherOfficer, otherBuddy, unmatchedBuddy)) {
            API.get(list, token).problem(404);
            API.post(list, token, command).problem(404);
            API.put(one, token, command).problem(404);
            API.post(one + "/cancel", token, "").problem(404);
        }
        API.get(list, otherPhone).problem(404);
        for (String token : List.of(ownPhone, otherPhone, editor, admin)) {
            API.post(list, token, command).problem(403);
            API.put(one, token, command).problem(403);
            API.post(one + "/cancel", token, "").problem(403);
        }
        API.get(list, editor).problem(403);
        API.get(list, admin).problem(403);
        API.get(list, null).problem(401);
        API.post(list, null, command).problem(401);
        API.put(one, null, command).problem(401);
        API.post(one + "/cancel", null, "").problem(401);

        Appointment unchanged = API.get(list, officer).asListOf(Appointment.class).stream()
                .filter(a -> a.id().equals(made.id())).findFirst().orElseThrow();
        assertEquals(made, unchanged);
    }
}
