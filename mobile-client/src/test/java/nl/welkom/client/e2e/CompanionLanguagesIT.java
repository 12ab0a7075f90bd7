package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.welkom.client.Welkom;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.household.Household;
import nl.welkom.model.i18n.Bundle;
import nl.welkom.model.i18n.Catalog;
import nl.welkom.model.i18n.Messages;

/**
 * A family uses the companion in their own language from the first screen on, against the real
 * backend: choose the language, activate with the officer's code, read a lesson, take a course
 * lesson's quiz, open the phrasebook, sync with the backend stopped and again after it is back —
 * and not one sentence of the companion's English strings appears on screen.
 */
class CompanionLanguagesIT {

    @TempDir
    Path tmp;

    @RegisterExtension
    final RunningBackend running = new RunningBackend();

    private final Bundle bundle = Bundle.load(Bundle.COMPANION);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ti, Familie Haile", "ar, Familie Al-Khatib"})
    void aFamilyUsesTheWholeCompanionInItsOwnLanguageAndNoEnglishStringAppears(String lang, String family)
            throws Exception {
        Officer officer = Officer.login(running.get().baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household household = officer.household(family);
        ActivationCode code = officer.createActivationCode(household.id());
        Path phone = tmp.resolve("phone-" + lang);
        Files.createDirectories(phone);
        String number = Integer.toString(new ArrayList<>(bundle.languages().keySet()).indexOf(lang) + 1);
        Messages m = bundle.messages(List.of(lang));

        // 1. Online: the language first, then the code; the first sync; a lesson; the phrasebook.
        String online = CompanionRun.run(phone, running.get().baseUrl(), List.of(
                number, "",                       // the language, no second one
                "1", code.code(), "ስልኪ/هاتف",      // activate
                "3", "1", "1", "", "", "",         // lessons → topic 1 → lesson 1 → back, back, back
                "8", "1", "", "",                  // phrasebook → category 1 → no practice → back
                "0"));
        assertTrue(online.contains(m.text("activate.done", "\u2068Gemeente Zwolle\u2069")), online);
        assertTrue(online.contains(m.text("menu.lessons")), online);

        Course course;
        try (SqliteLocalStore store = SqliteLocalStore.open(phone.resolve("welkom.db").toFile())) {
            Welkom welkom = Welkom.builder().baseUrl(running.get().baseUrl()).store(store).build();
            assertEquals(List.of(lang), welkom.languages());
            assertEquals(lang, welkom.lessons().languages().get(0), "the first sync fetched the chosen language only");
            course = welkom.course().get().orElseThrow();
            assertEquals(lang, course.language(), "the course is in " + lang);
            assertEquals(TranslationState.MACHINE_DRAFTED, course.state(), "and says a machine drafted it");
            assertEquals(lang, welkom.phrasebook().orElseThrow().categories().get(0).language());
            assertEquals(lang, welkom.lessons().topics().get(0).lessons().get(0).language());
        }

        // 2. Offline: a course lesson with its quiz, the phrasebook, a sync that cannot reach the server.
        running.get().stop();
        CourseLesson first = course.lessons().get(0);
        List<String> input = new ArrayList<>(Arrays.asList("7", "1", "1", ""));
        for (QuizQuestion question : first.quiz()) {
            input.add(String.valueOf(question.correct() + 1));
        }
        input.addAll(Arrays.asList("", "5", "0"));
        String offline = CompanionRun.run(phone, running.get().baseUrl(), input);
        int questions = first.quiz().size();
        assertTrue(offline.contains(m.text("quiz.score", questions, questions)), offline);
        assertTrue(offline.contains(m.text("sync.offline_kept", m.plural("count.changes", 1 + questions, 1 + questions))),
                "the lesson and the answers wait:\n" + offline);

        // 3. Back online: the waiting edits go.
        running.get().start();
        String back = CompanionRun.run(phone, running.get().baseUrl(), List.of("5", "0"));
        assertTrue(back.contains(m.text("sync.sent", m.plural("count.changes", 1 + questions, 1 + questions))), back);

        String screen = online + offline + back;
        List<String> english = englishOnScreen(screen, lang);
        assertEquals(new ArrayList<String>(), english, "English strings on a " + lang + " screen");
    }

    /**
     * Every sentence of the English source (at least two words, ignoring placeholders) that shows on
     * screen although the reader's language has its own text for it.
     */
    private List<String> englishOnScreen(String screen, String lang) {
        Catalog own = bundle.languages().get(lang);
        List<String> found = new ArrayList<>();
        for (Catalog.Entry source : bundle.template().entries().values()) {
            Catalog.Entry translated = own.entries().get(source.key());
            List<String> sources = new ArrayList<>();
            sources.add(source.source());
            if (source.sourcePlural() != null) {
                sources.add(source.sourcePlural());
            }
            for (String text : sources) {
                for (String fragment : text.split("\\{\\d\\}")) {
                    String f = fragment.trim();
                    boolean sentence = f.split("\\s+").length >= 2 && f.length() >= 8;
                    boolean sameInBoth = translated != null && translated.translations().stream().anyMatch(t -> t.contains(f));
                    if (sentence && !sameInBoth && screen.contains(f)) {
                        found.add(source.key() + ": " + f);
                    }
                }
            }
        }
        return found;
    }
}
