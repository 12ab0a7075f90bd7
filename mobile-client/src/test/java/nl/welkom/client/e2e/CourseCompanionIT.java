package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.welkom.client.SyncListener;
import nl.welkom.client.SyncResult;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence: the companion reading an Arabic lesson of the pre-departure course and
 * passing its quiz offline (the backend is stopped), then the progress reaching the officer after
 * the backend comes back.
 */
class CourseCompanionIT {

    @TempDir
    Path tmp;

    private BackendProcess backend;

    @BeforeEach
    void startBackend() throws Exception {
        Path data = tmp.resolve("backend-data");
        Files.createDirectories(data);
        backend = new BackendProcess(data);
        backend.start();
    }

    @AfterEach
    void stopEverything() {
        backend.close();
    }

    @Test
    void theCompanionReadsAnArabicLessonAndPassesItsQuizOfflineAndTheOfficerSeesIt() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household family = officer.household("Familie Al-Khatib");
        ActivationCode code = officer.createActivationCode(family.id());
        Path phoneData = tmp.resolve("phone");
        Files.createDirectories(phoneData);
        File storeFile = phoneData.resolve("welkom.db").toFile();
        Course course;
        Member member;
        try (SqliteLocalStore store = SqliteLocalStore.open(storeFile)) {
            Welkom phone = Welkom.builder().baseUrl(backend.baseUrl()).store(store).build();
            phone.activate(code.code(), "Telefoon Al-Khatib");
            phone.setLanguages(List.of("ar"));
            phone.sync(SyncListener.NONE);
            course = phone.course().get().orElseThrow(() -> new AssertionError("the course arrives with the first sync"));
            assertTrue(phone.phrasebook().isPresent(), "the phrasebook arrives with the first sync");
            member = phone.journey().household().orElseThrow().members().get(0);
        }
        CourseLesson first = course.lessons().get(0);
        assertEquals("ar", first.language());

        backend.stop();
        List<String> input = new ArrayList<>();
        input.add("7");          // Pre-departure course
        input.add("1");          // the first family member
        input.add("1");          // the first lesson
        input.add("");           // done reading
        for (QuizQuestion question : first.quiz()) {
            input.add(String.valueOf(question.correct() + 1));
        }
        input.add("");           // back from the lesson list
        input.add("0");          // quit
        String out = CompanionRun.run(phoneData, "http://127.0.0.1:9", input);

        assertTrue(out.contains(first.title()), "the Arabic lesson was shown: " + out);
        // The companion speaks the reader's language: the expected lines come from the same strings.
        nl.welkom.model.i18n.Messages arabic = nl.welkom.model.i18n.Bundle.load(nl.welkom.model.i18n.Bundle.COMPANION)
                .messages(List.of("ar"));
        int questions = first.quiz().size();
        assertTrue(out.contains(arabic.text("quiz.score", questions, questions)), out);
        assertTrue(out.contains(arabic.text("course.progress", 1, course.lessons().size(), questions,
                course.lessons().stream().mapToInt(l -> l.quiz().size()).sum())), out);
        assertTrue(!out.contains("**"), "Markdown emphasis is rendered, not printed raw");

        backend.start();
        try (SqliteLocalStore store = SqliteLocalStore.open(storeFile)) {
            Welkom phone = Welkom.builder().baseUrl(backend.baseUrl()).store(store).build();
            SyncResult result = phone.sync(SyncListener.NONE);
            assertEquals(1 + first.quiz().size(), result.applied(), "the lesson and every answer, once each");
            assertEquals(first.quiz().size(), phone.course().progress(member.id()).correctAnswers().size());
        }
        String progress = officer.get("/api/households/" + family.id() + "/course-progress");
        assertTrue(progress.contains(first.lessonId()), progress);
        for (QuizQuestion question : first.quiz()) {
            assertTrue(progress.contains(question.slug()), progress);
        }
    }
}
