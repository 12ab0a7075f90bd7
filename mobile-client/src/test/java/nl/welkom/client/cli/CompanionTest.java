package nl.welkom.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import nl.welkom.client.Fixtures;
import nl.welkom.client.store.LocalStoreContractTest;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/** Drives the companion's main method through System.in and System.out, as a person at a terminal would. */
class CompanionTest {

    private static final Logger MOCK_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());
    private static final Gson GSON = new Gson();
    private static final char RLI = '\u2067';
    private static final char PDI = '\u2069';

    @TempDir
    Path data;

    private MockWebServer server;
    /** A server that accepts connections and drops them at once: a link that is down. */
    private volatile boolean down;
    /** When set, the pull's content version covers more than the pack and the server has places. */
    private volatile boolean withPlaces;
    /** What the server answers for every pushed mutation. */
    private volatile MutationOutcome outcome = MutationOutcome.APPLIED;
    private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
    private InputStream realIn;
    private PrintStream realOut;

    @BeforeEach
    void startServer() throws IOException {
        MOCK_SERVER_LOG.setLevel(Level.SEVERE);
        realIn = System.in;
        realOut = System.out;
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (down) {
                    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
                }
                paths.add(request.getMethod() + " " + request.getPath());
                String path = request.getPath();
                if (path.equals("/api/activation/check")) {
                    return request.getBody().readUtf8().contains("WRONG")
                            ? new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/problem+json")
                                    .setBody("{\"type\":\"https://welkom.example/problems/activation-code-invalid\","
                                            + "\"title\":\"Activation code invalid\",\"status\":400}")
                            : new MockResponse().setResponseCode(204);
                }
                if (path.equals("/api/activation")) {
                    return json(Fixtures.session());
                }
                if (path.equals("/api/auth/logout")) {
                    return new MockResponse().setResponseCode(204);
                }
                if (path.equals("/api/auth/login")) {
                    return json(Fixtures.buddySession());
                }
                if (path.startsWith("/api/sync/pull")) {
                    return json(new PullResponse(7, false, Collections.singletonList(Fixtures.household()), Arrays.asList(
                            Fixtures.task(Fixtures.TASK_REGISTER, TaskStatus.OPEN, 1),
                            Fixtures.task(Fixtures.TASK_BANK, TaskStatus.DONE, 2)), Collections.<String>emptyList(),
                            Collections.<String>emptyList(), withPlaces ? "v1+places" : "v1", null,
                            List.of(new nl.welkom.model.message.Message("q-1", Fixtures.HOUSEHOLD_ID,
                                    nl.welkom.model.message.MessageAuthor.HOUSEHOLD, null, "Moet ik de huisarts zelf betalen?",
                                    "lesson-gp", "2026-12-03T18:20:00Z", null, 1)), null, null));
                }
                if (path.equals("/api/sync/push")) {
                    List<MutationResult> results = new ArrayList<>();
                    for (Mutation m : GSON.fromJson(request.getBody().readUtf8(), PushRequest.class).mutations()) {
                        results.add(new MutationResult(m.id(), outcome,
                                outcome == MutationOutcome.REJECTED ? "No such task for this device." : null));
                    }
                    return json(new PushResponse(results));
                }
                if (withPlaces && path.startsWith("/api/places")) {
                    return json(Fixtures.places("l1")).setHeader("ETag", "\"l1\"");
                }
                if (path.startsWith("/api/content")) {
                    if ("\"v1\"".equals(request.getHeader("If-None-Match"))) {
                        return new MockResponse().setResponseCode(304);
                    }
                    // The pack for the chain asked for (its text is the Arabic fixture's, whatever the chain).
                    List<String> chain = new ArrayList<>(Arrays.asList(
                            String.valueOf(request.getRequestUrl().queryParameter("lang")).split(",")));
                    chain.add("nl");
                    ContentPack pack = Fixtures.pack("v1", chain);
                    return json(pack).setHeader("ETag", "\"v1\"");
                }
                return new MockResponse().setResponseCode(404);
            }
        });
        server.start();
    }

    @AfterEach
    void restore() throws IOException {
        System.setIn(realIn);
        System.setOut(realOut);
        server.shutdown();
    }

    /** The language list: ti ar prs fa ps so sw rn fr uk en nl (the companion's {@code languages} file). */
    private static final String ENGLISH = "11";
    private static final String ARABIC = "2";

    @Test
    void theFirstScreenIsTheLanguageChoiceInEachLanguagesOwnScriptAndNothingIsFetchedBeforeIt() throws Exception {
        server.shutdown();
        String out = run("");

        assertTrue(out.contains("Welkom · 🌐"), "the first screen asks in no language:\n" + out);
        assertFalse(out.contains("Choose your language"), out);
        for (String name : new String[] {"ትግርኛ", "Soomaali", "Kiswahili", "Ikirundi", "Français", "Українська", "English",
                "Nederlands"}) {
            assertTrue(out.contains(name), name + " in:\n" + out);
        }
        assertTrue(hasRightAlignedRtlLine(out, "2  \u2068العربية\u2069"), "Arabic is right to left:\n" + out);
        assertTrue(hasRightAlignedRtlLine(out, "3  \u2068دری\u2069"), "Dari too:\n" + out);
        assertEquals(Collections.emptyList(), paths, "no pack in a language nobody chose");
    }

    @Test
    void activateReadAnArabicLessonThenTickATaskWhileTheServerIsDown() throws Exception {
        String online = run(
                ENGLISH, ARABIC,                              // English, then Arabic for what is not in English
                "1", "K7QD-9XM2-PW4T-HN6C", "Amina's phone", // activate, then the first sync
                "3", "1", "1", "", "", "",                    // lessons → topic → lesson → back ×3
                "0");

        assertTrue(online.contains("This phone is now connected to \u2068Gemeente Zwolle\u2069."), online);
        assertTrue(online.contains("Up to date."), online);
        assertTrue(paths.contains("GET /api/content?lang=en,ar"), paths.toString());
        assertTrue(hasRightAlignedRtlLine(online, "1  الرعاية الصحية  \u2068[ar]\u2069"), "the topic is right-aligned RTL:\n" + online);
        assertTrue(hasRightAlignedRtlLine(online, "== طبيب العائلة ==  \u2068[ar] [machine translation]\u2069"), "the lesson title too");
        assertTrue(online.contains("— 2. An appointment \u2068[en] [not yet in your language]\u2069"), online);
        assertTrue(hasRightAlignedRtlLine(online, "— 1.  ماذا يفعل طبيب العائلة؟  \u2068[ar] [machine translation]\u2069"),
                "an Arabic section heading is right-aligned RTL");
        assertTrue(online.contains("  Call the practice in the morning."), "English body stays left-to-right");

        server.shutdown();
        String offline = run(
                "4", "1", "1", "",   // journey → first task → tick it → back
                "5",            // sync: no server
                "4", "",        // still shows pending
                "0");

        assertTrue(offline.contains("Marked done on this phone; waiting to sync."), offline);
        assertTrue(offline.contains("⟳ waiting to sync"), offline);
        assertTrue(offline.contains("Waiting to sync: 1 change."), offline);
        assertTrue(offline.contains("No connection right now. Kept on this phone: 1 change, sent at the next sync."),
                offline);
        assertTrue(offline.contains("   1  [x] Register at the town hall 1"), "the ticked task, in English:\n" + offline);
        try (SqliteLocalStore store = SqliteLocalStore.open(data.resolve("welkom.db").toFile())) {
            List<Mutation> outbox = store.outbox();
            assertEquals(1, outbox.size());
            assertEquals(MutationType.TASK_COMPLETE, outbox.get(0).type());
            assertEquals(Fixtures.TASK_REGISTER, outbox.get(0).entityId());
        }
    }

    @Test
    void theHomeScreenSaysWhatMattersNowTheNextTasksTheLastSyncAndWhatWaits() throws Exception {
        run(ENGLISH, "", "1", "CODE", "phone", "0");
        down = true;
        String out = run("4", "1", "2", "Tuesday 10:00", "", "0");
        String home = out.substring(out.lastIndexOf("Gemeente Zwolle"));

        assertTrue(home.contains("Next for you:"), home);
        assertTrue(home.contains("★ \u2068Register at the town hall 1\u2069 · due 2026-11-30"), "the family's task is marked:\n" + home);
        assertFalse(home.contains("town hall 2"), "a done task is not next");
        assertTrue(home.contains("due 2026-11-30"), home);
        assertTrue(home.matches("(?s).*Last sync \u2068\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\u2069: Up to date\\..*"), home);
        assertTrue(home.contains("Waiting to sync: 1 change."), home);
    }

    @Test
    void aLessonIsRatedAndAQuestionAskedOfflineAndBothLeaveWithTheNextSync() throws Exception {
        run(ENGLISH, "", "1", "CODE", "phone", "0");
        down = true;
        String out = run("3", "1", "1", "1", "", "",         // read a lesson, "this helped me", back, back
                "3", "1", "1", "3", "Waar haal ik een OV-chipkaart?", "", "",   // read it again, ask about it
                "10", "Wanneer komt de tolk?",                 // a general question from the home screen
                "0");

        assertTrue(out.contains(" 1  This helped me"), out);
        assertTrue(out.contains(" 3  Ask a question about this"), out);
        assertTrue(out.contains("Thank you. Your answer is sent with the next sync."), out);
        assertTrue(out.contains("\n10  Ask my officer or family friend"), out);
        assertEquals(2, count(out, "Your question is saved on this phone."), out);
        try (SqliteLocalStore store = SqliteLocalStore.open(data.resolve("welkom.db").toFile())) {
            List<Mutation> outbox = store.outbox();
            assertEquals(List.of(MutationType.LESSON_FEEDBACK, MutationType.QUESTION_ASK, MutationType.QUESTION_ASK),
                    outbox.stream().map(Mutation::type).toList());
            assertEquals("true", outbox.get(0).value());
            assertEquals("lesson-gp", outbox.get(1).entityId(), "the question names its lesson");
            assertEquals("", outbox.get(2).entityId(), "a general question names none");
        }
        down = false;
        String synced = run("5", "0");
        assertTrue(synced.contains("Up to date. 3 changes sent"), synced);
    }

    @Test
    void theNextSyncSendsWhatWasTickedOffline() throws Exception {
        run(ENGLISH, "", "1", "CODE", "phone", "0");
        down = true;
        run("4", "1", "1", "", "5", "0");
        down = false;

        String out = run("5", "0");

        assertTrue(out.contains("Up to date. 1 change sent"), out);
        assertFalse(out.substring(out.indexOf("Up to date.")).contains("waiting to sync"), out);
    }

    @Test
    void aNoteIsWrittenOfflineShownIsolatedAndSentWithTheNextSync() throws Exception {
        run(ENGLISH, ARABIC, "1", "CODE", "phone", "0");
        down = true;
        String offline = run("4", "1", "2", "موعد يوم الثلاثاء 10:00", "", "0");

        assertTrue(offline.contains("Note saved on this phone; waiting to sync."), offline);
        assertTrue(offline.contains("         Note: \u2068موعد يوم الثلاثاء 10:00\u2069"),
                "the note is a first-strong isolate inside the English line:\n" + offline);

        String removed = run("4", "1", "3", "", "0");
        assertTrue(removed.contains("Note: \u2068موعد يوم الثلاثاء 10:00\u2069"), removed);
        assertTrue(removed.contains(" 2  Change the note"), removed);
        assertTrue(removed.contains("Note removed on this phone; waiting to sync."), removed);

        down = false;
        String synced = run("5", "0");

        assertTrue(synced.contains("Up to date. 2 changes sent"), synced);
        assertTrue(paths.contains("POST /api/sync/push"), paths.toString());
    }

    @Test
    void anEditTheServerRefusesIsToldToTheReaderWithTheTaskTitle() throws Exception {
        run(ENGLISH, "", "1", "CODE", "phone", "0");
        outcome = MutationOutcome.REJECTED;

        String out = run("4", "1", "1", "", "5", "4", "", "0");

        assertTrue(out.contains("1 not accepted"), out);
        assertTrue(out.contains("! Not accepted: ticking it done on \u2068“Register at the town hall 1”\u2069."
                + " The task shows the server's version again."), out);
        assertEquals(1, count(out, "! Not accepted"), "told once, then dismissed");
    }

    @Test
    void aFamilyFriendSignsInWithoutThePasswordShownAndSeesTheFamilyTheySupport() throws Exception {
        String out = run(ENGLISH, "", "6", "buddy@zwolle.demo", "welkom-demo", "1", "", "0");

        assertTrue(paths.contains("POST /api/auth/login"), paths.toString());
        assertTrue(out.contains("Signed in as \u2068Joost Bakker\u2069 for \u2068Gemeente Zwolle\u2069."), out);
        assertTrue(out.contains("\u2068Joost Bakker\u2069, family friend of 1 family"), out);
        assertTrue(out.contains("Journey · \u2068Familie Haile\u2069"), out);
        assertFalse(out.contains("welkom-demo"), "the password is never printed");
        String home = out.substring(out.lastIndexOf("family friend of"));
        assertTrue(home.contains(" 1  My families") && home.contains(" 2  Messages")
                && home.contains(" 3  Appointments") && home.contains(" 4  Course progress of my families")
                && home.contains(" 5  Meeting log") && home.contains("10  Sign out"),
                "a family friend has a menu of their own:\n" + home);
        assertFalse(home.contains("Activate"), "nothing to activate for a family friend:\n" + home);
        assertFalse(home.contains("Pre-departure course"), home);
    }

    @Test
    void aFamilyFriendWhoSignsOutLeavesNothingAboutTheFamiliesOnThePhone() throws Exception {
        run(ENGLISH, "", "6", "buddy@zwolle.demo", "welkom-demo", "0");

        String questions = run("2", "1", "", "", "0");
        assertTrue(questions.contains("Moet ik de huisarts zelf betalen?"), "the family's question, now a message:\n"
                + questions);
        assertTrue(questions.contains("the family · \u2068Thursday 3 December 19:20\u2069"), questions);

        String out = run("10", "y", "0");

        assertTrue(out.contains("Signed out. Nothing about the families is left on this phone."), out);
        assertEquals(List.of(), nl.welkom.client.store.jdbc.SqliteLocalStore.open(data.resolve("welkom.db").toFile())
                .records("household"));
        assertTrue(paths.contains("POST /api/auth/logout"), paths.toString());
        try (SqliteLocalStore store = SqliteLocalStore.open(data.resolve("welkom.db").toFile())) {
            assertEquals(List.of(), store.records("household"));
            assertEquals(List.of(), store.records("task"));
            assertFalse(store.document("session", "").isPresent());
            assertTrue(store.document("languages", "").isPresent(), "the language stays");
        }
        String after = run("0");
        assertTrue(after.contains(" 1  Activate this phone"), after);
    }

    @Test
    void theSyncSummaryShowsItemsAndBytes() throws Exception {
        String out = run(ENGLISH, "", "1", "CODE", "phone", "0");

        assertTrue(out.matches("(?s).*Up to date\\. 4 updates received · \\d+\\.\\d KB\\..*"), out);
        assertTrue(paths.indexOf("GET /api/content?lang=en") < paths.indexOf("POST /api/activation"),
                "the lessons came right after the language choice, the sync did not fetch them again: " + paths);
        assertTrue(out.contains("Receiving updates 4\u2069 ·"), "the bar counts items and bytes:\n" + out);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theDataFolderAndItsDatabaseAreReadableByTheOwnerOnly() throws Exception {
        run(ENGLISH, "", "0");

        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(data)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(data.resolve("welkom.db"))));
    }

    @Test
    void anActivatedPhoneIsOfferedToActivateAgainNotAsIfNothingHappened() throws Exception {
        String before = run(ENGLISH, "", "0");
        String after = run("1", "K7QD-9XM2-PW4T-HN6C", "Amina's phone", "0");

        assertTrue(before.contains(" 1  Activate this phone"), before);
        assertTrue(after.contains(" 1  Activate again / another household"), after);
    }

    @Test
    void placesInYourTownAreListedByCategoryWithAddressHoursPhoneAndMapLinkAlsoOffline() throws Exception {
        withPlaces = true;
        String before = run(ENGLISH, ARABIC, "9", "0");
        run("1", "CODE", "phone", "0");   // activate and sync
        server.shutdown();

        String out = run("9", "0");

        assertTrue(before.contains("The places in your town are not on this phone yet."), before);
        assertTrue(paths.contains("GET /api/places?lang=en,ar"), paths.toString());
        assertTrue(out.contains("== Town hall (gemeente) =="), out);
        assertTrue(out.contains("  Stadskantoor Zwolle\n    Lübeckplein 2, 8017 JZ Zwolle\n    phone: 14 038\n"), out);
        assertTrue(hasRightAlignedRtlLine(out, "hours:  بموعد.  \u2068[ar]\u2069"), "Arabic hours right to left:\n" + out);
        assertTrue(hasRightAlignedRtlLine(out, "مكتب البلدية.  \u2068[ar] [machine translation]\u2069"),
                "the Arabic description is right-aligned RTL:\n" + out);
        assertTrue(out.contains("    map: https://www.openstreetmap.org/?mlat=52.5&mlon=6.1#map=18/52.5/6.1"), out);
        assertFalse(out.contains("geo:0,0"), out);
        assertTrue(out.contains("== Family doctor (huisarts) ==\n  Uw huisartsenpraktijk\n    Uw huisarts. \u2068[nl] [not yet in your language]\u2069"),
                out);
        assertTrue(out.indexOf("Town hall") < out.indexOf("Family doctor"), out);
    }

    @Test
    void badInputIsAskedAgainAndTheEndOfInputQuitsCleanly() throws Exception {
        down = true;
        String out = run("abc", "", "99", ENGLISH, "", "abc", "", "99", "-1", "4", "3", "x", "", "2", "42", "");

        assertTrue(out.contains("Please type a number from 1 to 12."), out);
        assertTrue(out.contains("Please type a number from 0 to 13."), out);
        assertTrue(out.contains("Activate this phone first (menu 1)."), out);
        assertTrue(out.contains("No lessons on this phone yet."), out);
        assertTrue(out.trim().endsWith("Goodbye."), out);
    }

    @Test
    void aWrongCodeIsToldBeforeThePhoneNameIsAskedAndTheRightOneThenActivates() throws Exception {
        String out = run(ENGLISH, "", "1", "WRONG-CODE", "K7QD-9XM2-PW4T-HN6C", "Amina's phone", "0");

        assertTrue(out.contains("The code was not accepted: this code is unknown, already used or expired."), out);
        assertTrue(out.indexOf("not accepted") < out.indexOf("A name for this phone"), "the code is checked first:\n" + out);
        assertEquals(1, count(out, "A name for this phone"), out);
        assertTrue(out.contains("This phone is now connected to"), out);
        assertEquals(1, paths.stream().filter(p -> p.equals("POST /api/activation")).count(), paths.toString());
    }

    @Test
    void anActivationWhileOfflineSaysSoAndKeepsGoing() throws Exception {
        server.shutdown();

        String out = run(ENGLISH, "", "1", "CODE", "", "0", "5", "0");

        assertTrue(out.contains("No connection. Activating needs the internet once"), out);
        assertTrue(out.contains("Type the code again, or Enter to try CODE once more"), "what was typed is kept:\n" + out);
        assertEquals(2, count(out, "No connection. Activating"), "Enter tried the same code again");
        assertTrue(out.contains("Activate this phone first (menu 1)."), out);
        assertTrue(out.contains("Goodbye."), out);
    }

    private int port;

    private static MockResponse json(Object body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(GSON.toJson(body));
    }

    /** Runs the companion's main with these input lines and returns everything it printed. */
    private String run(String... lines) {
        port = server.getPort();
        StringBuilder input = new StringBuilder();
        for (String line : lines) {
            input.append(line).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)));
        try (PrintStream capture = new PrintStream(out, true, "UTF-8")) {
            System.setOut(capture);
            Companion.main(new String[] {"--server", "http://127.0.0.1:" + port,
                    "--data", data.toString(), "--width", "60"});
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(realOut);
            System.setIn(realIn);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean hasRightAlignedRtlLine(String output, String text) {
        for (String line : output.split("\n")) {
            if (line.endsWith(RLI + text + PDI) && Terminal.displayWidth(line) == 60 && line.startsWith(" ")) {
                return true;
            }
        }
        return false;
    }
}
