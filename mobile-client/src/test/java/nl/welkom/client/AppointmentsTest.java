package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import nl.welkom.client.Appointments.ReminderKind;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.appointment.AppointmentType;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushResponse;
import org.junit.jupiter.api.Test;

/** Appointments on the phone: pulled, flagged when changed, reminded at the right moments, answered offline. */
class AppointmentsTest extends ServerTestSupport {

    static final String GP = "a1000000-0000-4000-8000-000000000001";
    static final String TOWN_HALL = "a1000000-0000-4000-8000-000000000002";

    static Appointment appointment(String id, String householdId, String startsAt, String endsAt, int sequence,
            AppointmentStatus status) {
        return new Appointment(id, householdId, Collections.<String>emptyList(), AppointmentType.GP,
                "Kennismaking huisarts", startsAt, endsAt, null, "Stationsweg 12, Zwolle", false, "Verzekeringspas",
                "ti", "Dokter Visser", status, AppointmentAnswer.NONE, null, sequence, 3);
    }

    private static PullResponse pageWith(long cursor, List<Appointment> appointments, List<String> removed) {
        return new PullResponse(cursor, false, Collections.<Household>emptyList(), Collections.<Task>emptyList(),
                Collections.<String>emptyList(), removed, null, appointments, null, null, null);
    }

    @Test
    void aPullStoresAppointmentsAndALaterPullWithARaisedSequenceFlagsItChanged() throws Exception {
        activated();
        Appointment first = appointment(GP, Fixtures.HOUSEHOLD_ID, "2026-11-25T09:00:00Z", "2026-11-25T09:30:00Z", 0,
                AppointmentStatus.PLANNED);
        Appointment past = appointment(TOWN_HALL, Fixtures.HOUSEHOLD_ID, "2026-11-20T09:00:00Z",
                "2026-11-20T09:30:00Z", 0, AppointmentStatus.PLANNED);
        server.enqueue(json(pageWith(5, Arrays.asList(first, past), Collections.<String>emptyList())));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);

        List<Appointments.Item> upcoming = welkom.appointments().upcoming();
        assertEquals(1, upcoming.size(), "the past one is not upcoming");
        assertEquals(GP, upcoming.get(0).appointment().id());
        assertFalse(upcoming.get(0).changed(), "a new appointment is new, not changed");

        Appointment moved = new Appointment(GP, Fixtures.HOUSEHOLD_ID, first.memberIds(), first.type(), first.purpose(),
                "2026-11-26T10:00:00Z", "2026-11-26T10:30:00Z", null, first.address(), false, first.bring(),
                first.interpreterLanguage(), first.withName(), AppointmentStatus.CANCELLED, AppointmentAnswer.NONE, null,
                1, 4);
        server.enqueue(json(pageWith(6, Collections.singletonList(moved), Collections.<String>emptyList())));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);

        assertEquals(1, welkom.appointments().changed().size());
        Appointments.Item shown = welkom.appointments().upcoming().get(0);
        assertTrue(shown.changed());
        assertTrue(shown.cancelled(), "a cancelled appointment stays, marked");
        welkom.appointments().markSeen(GP);
        assertTrue(welkom.appointments().changed().isEmpty());
    }

    @Test
    void anOlderServerWithoutAppointmentsMeansNone() throws Exception {
        activated();
        server.enqueue(json(pageWith(5, null, Collections.<String>emptyList())));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);
        assertTrue(welkom.appointments().upcoming().isEmpty());
    }

    @Test
    void remindersAreDueTheEveningBeforeFromSixAndOneHourBeforeEachOnceUntilDismissed() {
        // Tuesday 24 November 2026, 10:00 in Amsterdam (CET, UTC+1) = 09:00Z.
        put(appointment(GP, Fixtures.HOUSEHOLD_ID, "2026-11-24T09:00:00Z", "2026-11-24T09:30:00Z", 0,
                AppointmentStatus.PLANNED));
        Appointments a = welkom.appointments();

        assertTrue(a.due(Instant.parse("2026-11-23T16:59:00Z")).isEmpty(), "17:59 the evening before: not yet");
        List<Appointments.Reminder> evening = a.due(Instant.parse("2026-11-23T17:00:00Z"));
        assertEquals(1, evening.size(), "18:00 Amsterdam the evening before");
        assertEquals(ReminderKind.EVENING_BEFORE, evening.get(0).kind());
        assertEquals(1, a.due(Instant.parse("2026-11-24T06:00:00Z")).size(), "still due the next morning");
        a.dismiss(evening.get(0));
        assertTrue(a.due(Instant.parse("2026-11-24T06:00:00Z")).isEmpty(), "dismissed: not again");

        List<Appointments.Reminder> hour = a.due(Instant.parse("2026-11-24T08:00:00Z"));
        assertEquals(1, hour.size());
        assertEquals(ReminderKind.HOUR_BEFORE, hour.get(0).kind());
        assertTrue(a.due(Instant.parse("2026-11-24T09:00:00Z")).isEmpty(), "past its start: nothing");
        a.dismiss(hour.get(0));
        assertTrue(a.due(Instant.parse("2026-11-24T08:30:00Z")).isEmpty());
    }

    @Test
    void theEveningBeforeIsSixOClockOnTheClockAcrossTheDaylightSavingNight() {
        // Sunday 29 March 2026 summer time starts at 02:00 CET: Monday 30 March 09:00 CEST = 07:00Z.
        // The evening before is Sunday 18:00 CEST = 16:00Z (the day before, 18:00 CET would be 17:00Z).
        Instant spring = Instant.parse("2026-03-30T07:00:00Z");
        assertEquals(Instant.parse("2026-03-29T16:00:00Z"), Appointments.eveningBefore(spring));
        // Sunday 25 October 2026 winter time starts: Monday 26 October 09:00 CET = 08:00Z; Sunday 18:00 CET = 17:00Z.
        Instant autumn = Instant.parse("2026-10-26T08:00:00Z");
        assertEquals(Instant.parse("2026-10-25T17:00:00Z"), Appointments.eveningBefore(autumn));
        // An appointment on the Sunday morning of the change: Saturday 18:00 CET (UTC+1) before the jump.
        put(appointment(GP, Fixtures.HOUSEHOLD_ID, "2026-03-29T08:00:00Z", "2026-03-29T09:00:00Z", 0,
                AppointmentStatus.PLANNED));
        assertTrue(welkom.appointments().due(Instant.parse("2026-03-28T16:59:59Z")).isEmpty());
        assertEquals(1, welkom.appointments().due(Instant.parse("2026-03-28T17:00:00Z")).size());
        // One hour before 10:00 CEST (08:00Z) is 07:00Z: on the clock 09:00 CEST, just after the jump.
        assertEquals(ReminderKind.HOUR_BEFORE,
                welkom.appointments().due(Instant.parse("2026-03-29T07:00:00Z")).get(0).kind());
    }

    @Test
    void aCancelledAppointmentDoesNotRemind() {
        put(appointment(GP, Fixtures.HOUSEHOLD_ID, "2026-11-24T09:00:00Z", "2026-11-24T09:30:00Z", 1,
                AppointmentStatus.CANCELLED));
        assertTrue(welkom.appointments().due(Instant.parse("2026-11-24T08:30:00Z")).isEmpty());
    }

    @Test
    void answeringOfflineQueuesOneMutationAndShowsThePendingAnswerUntilSynced() throws Exception {
        activated();
        put(appointment(GP, Fixtures.HOUSEHOLD_ID, "2026-11-25T09:00:00Z", "2026-11-25T09:30:00Z", 0,
                AppointmentStatus.PLANNED));

        Appointments.Item shown = welkom.appointments().answer(GP, AppointmentAnswer.ASK_TO_MOVE, "Liever 's middags");

        assertEquals(AppointmentAnswer.ASK_TO_MOVE, shown.appointment().answer());
        assertEquals("Liever 's middags", shown.appointment().answerNote());
        assertTrue(shown.answerPending());
        assertEquals(1, store.outbox().size());
        Mutation m = store.outbox().get(0);
        assertEquals(MutationType.APPOINTMENT_ANSWER, m.type());
        assertEquals(GP, m.entityId());
        assertEquals(3, m.baseVersion());
        assertEquals("ASK_TO_MOVE:Liever 's middags", m.value());
        assertEquals(AppointmentAnswer.ASK_TO_MOVE, welkom.appointments().upcoming().get(0).appointment().answer());

        server.enqueue(json(new PushResponse(Collections.singletonList(
                new MutationResult(m.id(), MutationOutcome.APPLIED, null)))));
        server.enqueue(json(emptyPage(5)));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);

        Appointments.Item after = welkom.appointments().get(GP).orElseThrow(AssertionError::new);
        assertFalse(after.answerPending());
        assertEquals(AppointmentAnswer.ASK_TO_MOVE, after.appointment().answer(), "no flicker before the pull brings it");
    }

    @Test
    void anAnswerMustBeAnAnswerWithAShortNoteOnAnAppointmentThatStands() {
        put(appointment(GP, Fixtures.HOUSEHOLD_ID, "2026-11-25T09:00:00Z", "2026-11-25T09:30:00Z", 0,
                AppointmentStatus.PLANNED));
        put(appointment(TOWN_HALL, Fixtures.HOUSEHOLD_ID, "2026-11-25T09:00:00Z", "2026-11-25T09:30:00Z", 1,
                AppointmentStatus.CANCELLED));
        StringBuilder tooLong = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            tooLong.append('x');
        }
        assertThrows(IllegalArgumentException.class, () -> welkom.appointments().answer(GP, AppointmentAnswer.NONE, null));
        assertThrows(IllegalArgumentException.class,
                () -> welkom.appointments().answer(GP, AppointmentAnswer.ASK_TO_MOVE, tooLong.toString()));
        assertThrows(IllegalArgumentException.class,
                () -> welkom.appointments().answer(TOWN_HALL, AppointmentAnswer.CONFIRMED, null));
        assertThrows(IllegalArgumentException.class,
                () -> welkom.appointments().answer("unknown", AppointmentAnswer.CONFIRMED, null));
        assertTrue(store.outbox().isEmpty(), "a refused answer queues nothing");
        welkom.appointments().answer(GP, AppointmentAnswer.CONFIRMED, "   ");
        assertEquals("CONFIRMED", store.outbox().get(0).value(), "a blank note is no note");
    }

    @Test
    void aHouseholdThatLeavesTakesItsAppointmentsAndTheirPendingAnswers() throws Exception {
        activated();
        put(appointment(GP, Fixtures.HOUSEHOLD_ID, "2026-11-25T09:00:00Z", "2026-11-25T09:30:00Z", 0,
                AppointmentStatus.PLANNED));
        put(appointment(TOWN_HALL, Fixtures.OTHER_HOUSEHOLD_ID, "2026-11-25T09:00:00Z", "2026-11-25T09:30:00Z", 0,
                AppointmentStatus.PLANNED));
        welkom.appointments().answer(TOWN_HALL, AppointmentAnswer.CONFIRMED, null);
        server.enqueue(json(new PushResponse(Collections.<MutationResult>emptyList())));
        server.enqueue(json(pageWith(5, Collections.<Appointment>emptyList(),
                Collections.singletonList(Fixtures.OTHER_HOUSEHOLD_ID))));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);

        List<Appointments.Item> left = welkom.appointments().upcoming();
        assertEquals(1, left.size());
        assertEquals(GP, left.get(0).appointment().id());
        assertTrue(store.outbox().isEmpty());
        assertFalse(store.record("appointment-seen", TOWN_HALL).isPresent());
    }

    @Test
    void signingOutForgetsTheAppointments() throws Exception {
        activated();
        put(appointment(GP, Fixtures.HOUSEHOLD_ID, "2026-11-25T09:00:00Z", "2026-11-25T09:30:00Z", 0,
                AppointmentStatus.PLANNED));
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));
        welkom.signOut();
        assertTrue(welkom.appointments().upcoming().isEmpty());
    }

    private void put(Appointment a) {
        Shelf.APPOINTMENTS.put(store, Collections.singletonList(a));
        Shelf.APPOINTMENTS_SEEN.put(store, Collections.singletonList(
                new AppointmentSeen(a.id(), a.householdId(), a.sequence(), Collections.<String>emptyList())));
    }
}
