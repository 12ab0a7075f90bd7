package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import nl.welkom.client.store.LocalStoreContractTest;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.course.MemberProgress;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The course on the phone: offline answers judged at once, queued, pushed once, and the certificate. */
class CourseTest extends ServerTestSupport {
    private static final String MEMBER = "member-1";

    @Test
    void anOfflineAnswerIsJudgedAtOnceQueuedAndPushedWithTheNextSync() throws Exception {
        onPhoneWithCourse();

        QuizAnswer wrong = welkom.course().answer(MEMBER, "rain", 0);
        QuizAnswer right = welkom.course().answer(MEMBER, "rain", 1);

        assertFalse(wrong.correct());
        assertEquals(1, wrong.correctOption());
        assertEquals("لأن", wrong.explanation());
        assertTrue(right.correct());
        assertEquals(Collections.singleton("rain"), welkom.course().progress(MEMBER).correctAnswers());
        assertEquals(2, welkom.pendingChanges());
        Mutation queued = store.outbox().get(1);
        assertEquals(MutationType.COURSE_ANSWER, queued.type());
        assertEquals(MEMBER, queued.entityId());
        assertEquals("rain:1", queued.value());

        server.enqueue(json(new PushResponse(Arrays.asList(
                new MutationResult(store.outbox().get(0).id(), MutationOutcome.APPLIED, null),
                new MutationResult(queued.id(), MutationOutcome.APPLIED, null)))));
        server.enqueue(json(emptyPage(5)));
        server.enqueue(notModified());
        welkom.sync(SyncListener.NONE);

        RecordedRequest push = take();
        assertEquals("/api/sync/push", push.getPath());
        assertEquals(2, Api.GSON.fromJson(push.getBody().readUtf8(), PushRequest.class).mutations().size());
        assertEquals(0, welkom.pendingChanges());
        assertEquals(Collections.singleton("rain"), welkom.course().progress(MEMBER).correctAnswers(),
                "an applied answer stays shown before the server's progress arrives");
    }

    @Test
    void everyLessonDoneAndEveryQuestionRightGivesACertificate() throws Exception {
        onPhoneWithCourse();
        assertFalse(welkom.course().certificate(MEMBER).isPresent());

        welkom.course().completeLesson(MEMBER, "lesson-1");
        welkom.course().completeLesson(MEMBER, "lesson-1");
        welkom.course().answer(MEMBER, "rain", 1);

        assertEquals(2, welkom.pendingChanges(), "a lesson already done queues nothing");
        CourseStatus status = welkom.course().progress(MEMBER);
        assertTrue(status.complete());
        assertEquals("2026-11-23", status.completedAt());
        nl.welkom.model.course.Certificate certificate = welkom.course().certificate(MEMBER).orElseThrow(AssertionError::new);
        assertEquals("Mehret", certificate.memberName());
        assertEquals("قبل المغادرة", certificate.courseTitle());
        assertEquals("ar", certificate.language());
        assertThrows(IllegalArgumentException.class, () -> welkom.course().answer(MEMBER, "rain", 3));
        assertThrows(IllegalArgumentException.class, () -> welkom.course().answer("stranger", "rain", 1));
    }

    @Test
    void aCombinedContentVersionBringsTheCourseThePhrasebookThePlacesAndThenTheHouseholdsProgress() throws Exception {
        activated();
        welkom.setLanguages(Collections.singletonList("ar"));
        server.enqueue(json(new PullResponse(3, false, Collections.<Household>singletonList(Fixtures.household()),
                Collections.<Task>emptyList(), Collections.<String>emptyList(), Collections.<String>emptyList(),
                "combined-1", null, null, null, null)));
        server.enqueue(json(Fixtures.pack("v1", Collections.singletonList("ar"))).setHeader("ETag", "\"v1\""));
        server.enqueue(json(Fixtures.course("c1")).setHeader("ETag", "\"c1\""));
        server.enqueue(json(Fixtures.phrasebook("p1")).setHeader("ETag", "\"p1\""));
        server.enqueue(json(Fixtures.places("l1")).setHeader("ETag", "\"l1\""));
        MemberProgress done = new MemberProgress(MEMBER, Collections.singletonList("lesson-1"),
                Collections.singletonList("rain"), Collections.singletonList("rain"), "2026-11-20");
        server.enqueue(json(Collections.singletonList(new CourseProgress(Fixtures.household().id(),
                Collections.singletonList(done)))));

        welkom.sync(SyncListener.NONE);

        assertTrue(take().getPath().startsWith("/api/sync/pull"));
        assertEquals("/api/content?lang=ar", take().getPath());
        assertEquals("/api/course?lang=ar", take().getPath());
        assertEquals("/api/phrasebook?lang=ar", take().getPath());
        assertEquals("/api/places?lang=ar", take().getPath());
        assertEquals("/api/course/progress", take().getPath());
        assertEquals("c1", welkom.course().get().get().version());
        assertEquals("صباح الخير!", welkom.phrasebook().get().categories().get(0).phrases().get(0).translation());
        assertEquals("2026-11-20", welkom.course().certificate(MEMBER).get().completedAt(), "the server's date");

        server.enqueue(json(emptyPage(3, "combined-1")));
        SyncResult again = welkom.sync(SyncListener.NONE);
        assertEquals(1, again.requests(), "an up-to-date phone makes one request");
    }

    private void onPhoneWithCourse() {
        activated();
        Shelf.HOUSEHOLDS.put(store, Collections.singletonList(Fixtures.household()));
        List<String> arabic = Collections.singletonList("ar");
        Shelf.LANGUAGES.put(store, arabic);
        Course course = Fixtures.course("c1");
        Shelf.COURSE.put(store, arabic, "\"c1\"", course);
    }
}
