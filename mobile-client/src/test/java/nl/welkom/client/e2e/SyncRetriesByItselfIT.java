package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.household.Household;

/**
 * The companion looks after its own sync: a family asks a question with the backend down, the sync
 * fails, the companion keeps trying in the background while the reader reads lessons, and once
 * the backend is back the question reaches the family friend — exactly once, without anyone
 * pressing "Sync now".
 */
class SyncRetriesByItselfIT {

    private static final String QUESTION = "Wanneer komt de tolk bij de huisarts?";

    @TempDir
    Path tmp;

    @RegisterExtension
    final RunningBackend running = new RunningBackend();

    @Test
    void aSyncThatFailsTwiceSucceedsByItselfWhileTheReaderReadsAndTheQuestionReachesTheFamilyFriendOnce()
            throws Exception {
        Officer officer = Officer.login(running.get().baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household haile = officer.household("Familie Haile");
        ActivationCode code = officer.createActivationCode(haile.id());
        Officer buddy = Officer.login(running.get().baseUrl(), "buddy@zwolle.demo", "welkom-demo");
        Path phone = tmp.resolve("phone");
        Files.createDirectories(phone);

        try (CompanionSession app = new CompanionSession(phone, running.get().baseUrl(), "--retry", "300,1000,120000")) {
            app.type("11", "", "1", code.code(), "Telefoon Haile");       // English; activate; first sync
            app.awaitScreen("Up to date.", Duration.ofSeconds(30));

            running.get().stop();
            app.type("10", QUESTION, "5");                              // ask, then sync: no network
            app.awaitScreen("It tries again by itself", Duration.ofSeconds(30));
            app.type("3", "1", "1");                                   // read a lesson meanwhile
            Thread.sleep(1_500);                                        // 300 + 600 ms: two tries fail
            app.type("", "", "");                                       // back to the home screen
            app.awaitScreen("tries so far", Duration.ofSeconds(10));
            Matcher tries = Pattern.compile("\\((\\d+) tries so far\\)").matcher(app.screen());
            int failed = 0;
            while (tries.find()) {
                failed = Integer.parseInt(tries.group(1));
            }
            assertTrue(failed >= 2, "it tried at least twice in the background: " + failed);

            app.type("3", "1", "1");                                   // reading again when the network returns
            running.get().start();
            String questions = awaitQuestion(buddy, haile, Duration.ofSeconds(30));
            assertEquals(1, CompanionRun.count(questions, QUESTION), "the question reached the family friend once: " + questions + "\n" + app.screen());

            app.type("", "", "");                                       // home: the background sync is told there
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!lastHomeScreen(app.screen()).contains("1 change sent") && System.nanoTime() < end) {
                app.type("3", "");                                      // (the home screen is drawn on return)
                Thread.sleep(300);
            }
            String home = lastHomeScreen(app.screen());
            assertTrue(home.contains("Last sync") && home.contains("1 change sent"), home);
            assertTrue(!home.contains("tries so far"), "no more tries once it succeeded:\n" + home);
            app.type("0");
        }
    }

    private static String awaitQuestion(Officer buddy, Household household, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String questions = buddy.get("/api/questions?householdId=" + household.id());
            if (questions.contains(QUESTION) || System.nanoTime() > end) {
                return questions;
            }
            Thread.sleep(200);
        }
    }

    private static String lastHomeScreen(String screen) {
        int at = screen.lastIndexOf("Familie Haile");
        return at < 0 ? "" : screen.substring(at);
    }

}
