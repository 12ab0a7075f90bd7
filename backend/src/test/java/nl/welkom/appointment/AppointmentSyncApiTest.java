package nl.welkom.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;

class AppointmentSyncApiTest {
    private static final Api API = new Api();

    @Test
    void aPhonePullsANewAppointmentAnswersItOfflineAndTheOfficerSeesTheAnswer() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        String phone = Fixtures.device(API, Appointments.HOUSEHOLD).token();
        long cursor = pullAll(phone, 0);

        Appointment made = Appointments.create(API, officer, household, Appointments.command("Afspraak bij de bank", 7));
        PullResponse pulled = pull(phone, cursor);
        assertEquals(List.of(made), pulled.appointments());
        assertFalse(pulled.hasMore());

        MutationResult answered = push(phone, new Mutation(UUID.randomUUID().toString(),
                MutationType.APPOINTMENT_ANSWER, made.id(), made.version(), "2026-12-04T10:00:00Z",
                "ASK_TO_MOVE:Dinsdagochtend past beter"));
        assertEquals(MutationOutcome.APPLIED, answered.outcome(), answered.detail());

        Appointment seen = API.get("/api/households/" + household + "/appointments", officer)
                .asListOf(Appointment.class).stream().filter(a -> a.id().equals(made.id())).findFirst().orElseThrow();
        assertEquals(AppointmentAnswer.ASK_TO_MOVE, seen.answer());
        assertEquals("Dinsdagochtend past beter", seen.answerNote());
        assertEquals(made.version() + 1, seen.version());

        PullResponse again = pull(phone, pulled.cursor());
        assertEquals(List.of(seen), again.appointments(), "the answer reaches the household's other phones");
        PullResponse upToDate = pull(phone, again.cursor());
        assertTrue(upToDate.appointments().isEmpty());
        assertFalse(upToDate.hasMore());
    }

    @Test
    void aBadAnswerOrAnAnswerFromAnotherHouseholdIsRejectedAndChangesNothing() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        Appointment made = Appointments.create(API, officer, household, Appointments.command("Bij de huisarts", 8));
        String phone = Fixtures.device(API, Appointments.HOUSEHOLD).token();
        String otherPhone = Fixtures.device(API, "T-UNMATCHED").token();

        for (String value : List.of("MAYBE", "NONE", "", "CONFIRMED:" + "x".repeat(501))) {
            MutationResult result = push(phone, new Mutation(UUID.randomUUID().toString(),
                    MutationType.APPOINTMENT_ANSWER, made.id(), made.version(), null, value));
            assertEquals(MutationOutcome.REJECTED, result.outcome(), value);
            assertTrue(result.detail() != null && !result.detail().isBlank());
        }
        MutationResult foreign = push(otherPhone, new Mutation(UUID.randomUUID().toString(),
                MutationType.APPOINTMENT_ANSWER, made.id(), made.version(), null, "CONFIRMED"));
        assertEquals(MutationOutcome.REJECTED, foreign.outcome());
        MutationResult buddy = push(API.login(Appointments.BUDDY), new Mutation(UUID.randomUUID().toString(),
                MutationType.APPOINTMENT_ANSWER, made.id(), made.version(), null, "CONFIRMED"));
        assertEquals(MutationOutcome.REJECTED, buddy.outcome(), "only the family answers");

        Appointment seen = API.get("/api/households/" + household + "/appointments", officer)
                .asListOf(Appointment.class).stream().filter(a -> a.id().equals(made.id())).findFirst().orElseThrow();
        assertEquals(made, seen);
    }

    @Test
    void theMatchedBuddyPullsTheAppointmentButABuddyOfAnotherHouseholdNeverDoes() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        Appointment made = Appointments.create(API, officer, household, Appointments.command("Woningbezichtiging", 9));

        assertTrue(appointmentsFrom(API.login(Appointments.BUDDY)).contains(made.id()));
        assertFalse(appointmentsFrom(API.login(Fixtures.BUDDY)).contains(made.id()));
        assertFalse(appointmentsFrom(Fixtures.device(API, "T-UNMATCHED").token()).contains(made.id()));
    }

    private static List<String> appointmentsFrom(String token) {
        List<String> ids = new java.util.ArrayList<>();
        long cursor = 0;
        PullResponse page;
        do {
            page = pull(token, cursor);
            page.appointments().forEach(a -> ids.add(a.id()));
            cursor = page.cursor();
        } while (page.hasMore());
        return ids;
    }

    private static long pullAll(String token, long after) {
        long cursor = after;
        PullResponse page;
        do {
            page = pull(token, cursor);
            cursor = page.cursor();
        } while (page.hasMore());
        return cursor;
    }

    private static PullResponse pull(String token, long after) {
        Api.Response response = API.get("/api/sync/pull?after=" + after, token);
        assertEquals(200, response.status(), response.body());
        return response.as(PullResponse.class);
    }

    private static MutationResult push(String token, Mutation mutation) {
        Api.Response response = API.post("/api/sync/push", token, new PushRequest(List.of(mutation)));
        assertEquals(200, response.status(), response.body());
        PushResponse push = response.as(PushResponse.class);
        assertEquals(1, push.results().size());
        return push.results().get(0);
    }
}
