package nl.welkom.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.feedback.Question;
import nl.welkom.model.auth.Session;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import org.junit.jupiter.api.Test;

class FeedbackApiTest {
    private static final String ASKER = "asker@testdorp.test";
    private final Api api = new Api();
    private final String lesson = UUID.nameUUIDFromBytes("lesson:edit-search".getBytes(StandardCharsets.UTF_8)).toString();

    @Test
    void aDeviceVotesOncePerLessonAndMayChangeItsMind() {
        Session phone = Fixtures.device(api, "T-ASK-OFFICER");
        long before = votes(lesson, false);

        assertEquals(204, api.post("/api/lessons/" + lesson + "/feedback", phone.token(), Map.of("helpful", true)).status());
        assertEquals(204, api.post("/api/lessons/" + lesson + "/feedback", phone.token(), Map.of("helpful", false)).status());

        assertEquals(before + 1, votes(lesson, false));
        assertEquals(1, TestServer.get().queryLong(
                "SELECT COUNT(*) FROM lesson_feedback WHERE device_id = ? AND lesson_id = ?", phone.deviceId(), lesson));
        api.post("/api/lessons/" + UUID.randomUUID() + "/feedback", phone.token(), Map.of("helpful", true)).problem(404);
        api.post("/api/lessons/" + lesson + "/feedback", phone.token(), Map.of()).problem(400);
        api.post("/api/lessons/" + lesson + "/feedback", api.login(Fixtures.OFFICER), Map.of("helpful", true)).problem(403);
    }

    @Test
    void aQuestionGoesToTheMatchedBuddyAndOnlyTheBuddyAndTheOfficerSeeIt() {
        Session phone = Fixtures.device(api, "T-ASK-BUDDY");

        Api.Response asked = api.post("/api/questions", phone.token(), Map.of("lessonId", lesson, "text", "Waar vind ik de brief?"));
        assertEquals(201, asked.status(), asked.body());
        Question question = asked.as(Question.class);
        assertEquals("BUDDY", question.routedTo());

        List<Question> buddySees = api.get("/api/questions", api.login(ASKER)).asListOf(Question.class);
        assertTrue(buddySees.stream().anyMatch(q -> q.id().equals(question.id())));
        assertEquals("Zorgtoeslag aanvragen", buddySees.stream().filter(q -> q.id().equals(question.id()))
                .findFirst().orElseThrow().lessonTitle());
        assertTrue(api.get("/api/questions", api.login(Fixtures.OFFICER)).asListOf(Question.class).stream()
                .anyMatch(q -> q.id().equals(question.id())));
        assertTrue(api.get("/api/questions", api.login(Fixtures.BUDDY)).asListOf(Question.class).stream()
                .noneMatch(q -> q.id().equals(question.id())), "another buddy");
        assertTrue(api.get("/api/questions", api.login(Fixtures.OTHER_OFFICER)).asListOf(Question.class).stream()
                .noneMatch(q -> q.id().equals(question.id())), "another municipality");
        api.get("/api/questions?householdId=" + question.householdId(), api.login(Fixtures.OTHER_OFFICER)).problem(404);
        api.get("/api/questions", phone.token()).problem(403);
        assertTrue(TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'question.list'") > 0);
    }

    @Test
    void withoutABuddyTheQuestionGoesToTheMunicipalitysOfficers() {
        Session phone = Fixtures.device(api, "T-ASK-OFFICER");

        Question question = api.post("/api/questions", phone.token(), Map.of("text", "Wanneer komt de taalles?")).as(Question.class);

        assertEquals("OFFICER", question.routedTo());
        assertTrue(api.get("/api/questions?householdId=" + question.householdId(), api.login(Fixtures.OFFICER))
                .asListOf(Question.class).stream().anyMatch(q -> q.id().equals(question.id())));
        api.post("/api/questions", phone.token(), Map.of("text", " ")).problem(400);
        Api.Response page = api.get("/dashboard/households/" + question.householdId(), api.login(Fixtures.OFFICER),
                "Accept-Language", "en");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Wanneer komt de taalles?") && page.body().contains("Messages"), page.body());
    }

    @Test
    void feedbackAndQuestionsPushedFromAnOfflinePhoneAreAppliedExactlyOnce() {
        Session phone = Fixtures.device(api, "T-ASK-BUDDY");
        String questionId = UUID.randomUUID().toString();
        List<Mutation> batch = List.of(
                new Mutation(UUID.randomUUID().toString(), MutationType.LESSON_FEEDBACK, lesson, 0, "2026-11-23T10:00:00Z", "true"),
                new Mutation(questionId, MutationType.QUESTION_ASK, lesson, 0, "2026-11-23T10:00:01Z", "Wat is een toeslag?"),
                new Mutation(UUID.randomUUID().toString(), MutationType.LESSON_FEEDBACK, UUID.randomUUID().toString(), 0,
                        "2026-11-23T10:00:02Z", "true"));

        PushResponse first = api.post("/api/sync/push", phone.token(), new PushRequest(batch)).as(PushResponse.class);
        PushResponse again = api.post("/api/sync/push", phone.token(), new PushRequest(batch)).as(PushResponse.class);

        assertEquals(List.of(MutationOutcome.APPLIED, MutationOutcome.APPLIED, MutationOutcome.REJECTED),
                first.results().stream().map(r -> r.outcome()).toList());
        assertEquals(List.of(MutationOutcome.ALREADY_APPLIED, MutationOutcome.ALREADY_APPLIED, MutationOutcome.REJECTED),
                again.results().stream().map(r -> r.outcome()).toList());
        assertEquals(1, TestServer.get().queryLong("SELECT COUNT(*) FROM message WHERE id = ? AND author = 'HOUSEHOLD'", questionId));
        assertTrue(api.get("/api/questions", api.login(ASKER)).asListOf(Question.class).stream()
                .anyMatch(q -> q.id().equals(questionId) && q.routedTo().equals("BUDDY")));
        assertEquals(1, TestServer.get().queryLong(
                "SELECT COUNT(*) FROM lesson_feedback WHERE device_id = ? AND helpful = TRUE", phone.deviceId()));
    }

    @Test
    void aGeneralQuestionPushedFromAPhoneNamesNoLessonAndDoesNotBlockTheEditsAfterIt() {
        Session phone = Fixtures.device(api, "T-ASK-BUDDY");
        String general = UUID.randomUUID().toString();
        String vote = UUID.randomUUID().toString();
        List<Mutation> batch = List.of(
                new Mutation(general, MutationType.QUESTION_ASK, "", 0, "2026-11-23T11:00:00Z", "Wanneer komt de tolk?"),
                new Mutation(vote, MutationType.LESSON_FEEDBACK, lesson, 0, "2026-11-23T11:00:01Z", "false"));

        PushResponse pushed = api.post("/api/sync/push", phone.token(), new PushRequest(batch)).as(PushResponse.class);

        assertEquals(List.of(MutationOutcome.APPLIED, MutationOutcome.APPLIED),
                pushed.results().stream().map(r -> r.outcome()).toList());
        assertEquals(1, TestServer.get().queryLong("SELECT COUNT(*) FROM message WHERE id = ? AND lesson_id IS NULL", general));
        api.post("/api/sync/push", phone.token(), new PushRequest(List.of(
                new Mutation(UUID.randomUUID().toString(), MutationType.TASK_COMPLETE, "", 0, "2026-11-23T11:00:02Z", null))))
                .problem(400);
    }

    private long votes(String lessonId, boolean helpful) {
        return TestServer.get().queryLong("SELECT COUNT(*) FROM lesson_feedback WHERE lesson_id = ? AND helpful = ?",
                lessonId, helpful);
    }
}
