package nl.welkom.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.course.MemberProgress;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The course over HTTP and progress through sync, on household T-COURSE (members Amal, Karim and Noor). */
class CourseApiTest {
    private static final Api API = new Api();
    private static String officer;
    private static String householdId;
    private static Session phone;
    private static Member amal;
    private static Member karim;
    private static Member noor;

    @BeforeAll
    static void actors() {
        officer = API.login(Fixtures.OFFICER);
        householdId = Fixtures.householdId(API, officer, "T-COURSE");
        phone = Fixtures.device(API, "T-COURSE");
        Household household = API.get("/api/households/" + householdId, officer).as(Household.class);
        amal = household.members().get(0);
        karim = household.members().get(1);
        noor = household.members().get(2);
    }

    @Test
    void theCourseIsResolvedAlongTheReadersChainThenDutch() {
        Course course = API.get("/api/course?lang=ar,en", null).as(Course.class);

        assertEquals("test-course", course.slug());
        assertEquals(List.of("ar", "en", "nl"), course.languages());
        assertEquals("en", course.language(), "title and description come in one language; there is no Arabic description");
        assertEquals("Before departure", course.title());
        assertEquals(TranslationState.MISSING, course.state());
        assertEquals("A short course.", course.description());
        assertEquals(List.of("test-airport", "test-washing-machine"),
                course.lessons().stream().map(CourseLesson::slug).toList());
        QuizQuestion whoWaits = course.lessons().get(0).quiz().get(0);
        assertEquals("ar", whoWaits.language());
        assertEquals("من ينتظرك؟", whoWaits.question());
        assertEquals(1, whoWaits.correct(), "the correct option travels: quizzes are practice");
        assertEquals("البلدية", whoWaits.options().get(1));
        QuizQuestion bags = course.lessons().get(0).quiz().get(1);
        assertEquals("en", bags.language());
        assertEquals(TranslationState.MISSING, bags.state());
        assertEquals("Take your bags.", bags.explanation());
        assertEquals(TranslationState.MACHINE_DRAFTED, course.lessons().get(0).state());

        Course dutch = API.get("/api/course?lang=ti", null).as(Course.class);
        assertEquals("Voor vertrek", dutch.title());
        assertEquals(TranslationState.MISSING, dutch.lessons().get(0).quiz().get(0).state());
        assertEquals("nl", dutch.lessons().get(0).quiz().get(0).language());
    }

    @Test
    void anUnchangedCourseCostsA304() {
        Api.Response first = API.get("/api/course?lang=ar", null);
        String etag = first.header("ETag");

        Api.Response again = API.get("/api/course?lang=ar", null, "If-None-Match", etag);

        assertEquals(200, first.status());
        assertEquals("\"" + first.as(Course.class).version() + "\"", etag);
        assertEquals(304, again.status());
        assertTrue(again.body().isEmpty());
    }

    @Test
    void anAnswerIsRecordedExactlyOnceByItsMutationId() {
        Mutation answer = answer(karim.id(), "wash-when:2");

        MutationResult first = push(phone.token(), answer);
        MutationResult retried = push(phone.token(), answer);

        assertEquals(MutationOutcome.APPLIED, first.outcome());
        assertEquals(MutationOutcome.ALREADY_APPLIED, retried.outcome());
        assertEquals(1, TestServer.get().queryLong("SELECT COUNT(*) FROM course_answer WHERE mutation_id = ?",
                answer.id()));
        assertEquals(0, TestServer.get().queryLong("SELECT COUNT(*) FROM course_answer WHERE mutation_id = ? AND correct",
                answer.id()), "option 2 is wrong, whatever the phone thinks");
    }

    @Test
    void aMemberCompletesTheCourseWithEveryLessonDoneAndEveryQuestionRightOnce() {
        Course course = API.get("/api/course?lang=ar", null).as(Course.class);
        long before = pull(0).cursor();

        push(phone.token(), answer(noor.id(), "who-waits:0"));
        push(phone.token(), answer(noor.id(), "who-waits:1"));
        push(phone.token(), answer(noor.id(), "bags:0"));
        push(phone.token(), answer(noor.id(), "wash-when:0"));
        push(phone.token(), lessonDone(noor.id(), course.lessons().get(0).lessonId()));
        MemberProgress almost = progressOf(noor.id());
        push(phone.token(), lessonDone(noor.id(), course.lessons().get(1).lessonId()));
        MutationResult again = push(phone.token(), lessonDone(noor.id(), course.lessons().get(1).lessonId()));

        assertNull(almost.completedAt(), "one lesson is not done yet");
        assertEquals(MutationOutcome.APPLIED, again.outcome(), "marking a lesson done twice is harmless");
        MemberProgress done = progressOf(noor.id());
        assertNotNull(done.completedAt());
        assertEquals(3, done.correctAnswers().size());
        assertEquals(2, done.lessonsDone().size());
        PullResponse page = pull(before);
        assertTrue(page.households().stream().anyMatch(h -> h.id().equals(householdId)),
                "progress moves the household in the pull, so phones fetch progress");
        List<CourseProgress> phoneView = API.get("/api/course/progress", phone.token()).asListOf(CourseProgress.class);
        assertEquals(householdId, phoneView.get(0).householdId());
    }

    @Test
    void progressForAMemberOfAnotherHouseholdIsRejected() {
        Session other = Fixtures.device(API, "T-PUSH");

        MutationResult result = push(other.token(), answer(amal.id(), "who-waits:1"));
        MutationResult unknown = push(phone.token(), answer(amal.id(), "no-such-question:1"));
        MutationResult outOfRange = push(phone.token(), answer(amal.id(), "who-waits:7"));
        MutationResult notALesson = push(phone.token(), lessonDone(amal.id(), UUID.randomUUID().toString()));

        assertEquals(MutationOutcome.REJECTED, result.outcome());
        assertEquals(MutationOutcome.REJECTED, unknown.outcome());
        assertEquals(MutationOutcome.REJECTED, outOfRange.outcome());
        assertEquals(MutationOutcome.REJECTED, notALesson.outcome());
    }

    @Test
    void progressIsScopedLikeTheHousehold() {
        String path = "/api/households/" + householdId + "/course-progress";

        assertEquals(200, API.get(path, officer).status());
        assertEquals(404, API.get(path, API.login(Fixtures.OTHER_OFFICER)).status());
        assertEquals(404, API.get(path, API.login(Fixtures.BUDDY)).status(), "not this buddy's household");
        assertEquals(403, API.get(path, API.login(Fixtures.EDITOR)).status());
        assertEquals(401, API.get(path, null).status());
        assertEquals(403, API.get("/api/course/progress", officer).status(), "officers do not sync");
        assertTrue(TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'course.progress.read'"
                + " AND household_id = ?", householdId) > 0);
    }

    @Test
    void theDashboardShowsProgressAndAPrintReadyCertificateOnceTheCourseIsComplete() {
        String certificate = "/dashboard/households/" + householdId + "/members/" + karim.id() + "/certificate";
        assertEquals(404, API.get(certificate, officer).status(), "no certificate before completion");
        Course course = API.get("/api/course?lang=en", null).as(Course.class);
        for (CourseLesson lesson : course.lessons()) {
            push(phone.token(), lessonDone(karim.id(), lesson.lessonId()));
            for (QuizQuestion question : lesson.quiz()) {
                push(phone.token(), answer(karim.id(), question.slug() + ":" + question.correct()));
            }
        }

        Api.Response household = API.get("/dashboard/households/" + householdId, officer, "Accept-Language", "en");
        Api.Response page = API.get(certificate, officer);

        assertEquals(200, household.status());
        assertTrue(household.body().contains("Pre-departure course"));
        assertTrue(household.body().contains("2 / 2"), "lessons done / total");
        assertTrue(household.body().contains("3 / 3 right"), "quiz score");
        assertTrue(household.body().contains("print certificate"));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Karim"));
        assertTrue(page.body().contains("Voor vertrek"), "Dutch title");
        assertTrue(page.body().contains("Before departure"), "English title");
        assertTrue(page.body().contains("@page { size: A4"));
        assertTrue(API.get("/dashboard/households/" + householdId + "/members/" + amal.id() + "/certificate",
                API.login(Fixtures.OTHER_OFFICER)).status() == 404, "another municipality's officer");
        assertEquals(403, API.get(certificate, API.login(Fixtures.EDITOR)).status());
        assertTrue(TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'course.certificate.read'"
                + " AND household_id = ?", householdId) > 0);
    }

    @Test
    void anArabicMembersCertificateAlsoShowsTheArabicTitleRightToLeft() {
        Course course = API.get("/api/course?lang=nl", null).as(Course.class);
        Session second = Fixtures.device(API, "T-COURSE");
        // Amal may have completed already in another test; completing again changes nothing.
        for (CourseLesson lesson : course.lessons()) {
            push(second.token(), lessonDone(amal.id(), lesson.lessonId()));
            for (QuizQuestion question : lesson.quiz()) {
                push(second.token(), answer(amal.id(), question.slug() + ":" + question.correct()));
            }
        }

        Api.Response page = API.get("/dashboard/households/" + householdId + "/members/" + amal.id() + "/certificate",
                officer);

        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("dir=\"rtl\""));
        assertTrue(page.body().contains("قبل المغادرة"));
        assertEquals(1, TestServer.get().queryLong("SELECT COUNT(*) FROM course_completion WHERE member_id = ?", amal.id()));
    }

    private static MemberProgress progressOf(String memberId) {
        return API.get("/api/households/" + householdId + "/course-progress", officer).as(CourseProgress.class)
                .members().stream().filter(member -> member.memberId().equals(memberId)).findFirst().orElseThrow();
    }

    private static PullResponse pull(long after) {
        return API.get("/api/sync/pull?after=" + after + "&limit=1000", phone.token()).as(PullResponse.class);
    }

    private static Mutation answer(String memberId, String value) {
        return new Mutation(UUID.randomUUID().toString(), MutationType.COURSE_ANSWER, memberId, 0, null, value);
    }

    private static Mutation lessonDone(String memberId, String lessonId) {
        return new Mutation(UUID.randomUUID().toString(), MutationType.COURSE_LESSON_DONE, memberId, 0, null, lessonId);
    }

    private static MutationResult push(String token, Mutation mutation) {
        Api.Response response = API.post("/api/sync/push", token, new PushRequest(List.of(mutation)));
        assertEquals(200, response.status(), response.body());
        return response.as(PushResponse.class).results().get(0);
    }
}
