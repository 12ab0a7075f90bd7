package nl.welkom.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.logcheck.Canaries;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushRequest;

/**
 * No personal data in logs (ARCHITECTURE.md): representative flows — sign-in (right and wrong),
 * household edits, messages, sync push and pull, a caseload search by name, bad input carrying a
 * name, export and erasure — run against the shared test server while every log event of the JVM is
 * captured (a ListAppender on logback's root logger, with Welkom's own loggers at DEBUG so that
 * debug output is checked too). The canaries are every person's name in the fixtures and in the demo
 * data, the staff usernames, and the canary household's values.
 */
class LogCanaryTest {
    private static final Api API = new Api();

    @Test
    void representativeFlowsLogNoNameUsernameNoteOrMessageText() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger welkom = logging.getLogger("nl.welkom");
        Level before = welkom.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        root.addAppender(captured);
        welkom.setLevel(Level.DEBUG);
        CanaryHousehold household = new CanaryHousehold();
        try {
            flows(household);
        } finally {
            root.detachAppender(captured);
            welkom.setLevel(before);
            captured.stop();
        }

        Set<String> canaries = new LinkedHashSet<>(household.canaries);
        canaries.addAll(Canaries.people());
        List<String> hits = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            hits.addAll(Canaries.hits(event, canaries));
        }
        System.out.println("LogCanaryTest: " + captured.list.size() + " log events captured, " + canaries.size()
                + " canaries, " + hits.size() + " hits");
        assertTrue(canaries.size() > 50, "the fixtures' and the demo's names are among the canaries");
        assertEquals(List.of(), hits);
    }

    private static void flows(CanaryHousehold household) {
        // Sign-in: right, wrong password, unknown user.
        API.post("/api/auth/login", null, new LoginRequest(Fixtures.OFFICER, "wrong-password-" + household.tag)).problem(401);
        API.post("/api/auth/login", null, new LoginRequest("nobody-" + household.canary("Gebruiker") + "@x.test",
                "whatever")).problem(401);
        String officer = API.login(Fixtures.OFFICER);
        // Household edits, messages, appointments, integration, a phone's push, a family friend's meeting.
        household.seed(API);
        String buddy = API.login(Fixtures.BUDDY);
        // Sync: pull as the phone and the friend; a push with a rejected and a malformed mutation.
        API.get("/api/sync/pull?after=0&limit=1000", household.phone.token());
        API.get("/api/sync/pull?after=0&limit=1000", buddy);
        API.post("/api/sync/push", household.phone.token(), new PushRequest(List.of(new Mutation(
                UUID.randomUUID().toString(), MutationType.TASK_SET_NOTE, UUID.randomUUID().toString(), 1,
                "2026-12-04T09:00:00Z", household.canary("Geweigerd")))));
        API.post("/api/sync/push", household.phone.token(), "{\"mutations\":[{\"note\":\"" + household.canary("Kapot") + "\"");
        // Search by a name; bad input that carries a name.
        API.get("/api/caseload?q=" + URLEncoder.encode(household.canaries.get(1), StandardCharsets.UTF_8), officer);
        API.post("/api/households/" + household.id + "/messages", officer,
                Map.of("text", household.canary("Lang").repeat(200))).problem(400);
        API.post("/api/households", officer, "{\"displayName\": \"" + household.canary("Fout") + "\", \"members\": 7}");
        API.post("/api/households/" + household.id + "/special-needs", officer,
                Map.of("kind", "NO_SUCH_KIND", "note", household.canary("Soort"))).problem(400);
        // Export and erasure.
        API.get("/api/households/" + household.id + "/export", officer);
        API.post("/api/households/" + household.id + "/erase", officer, Map.of("confirmReference", household.reference));
        API.get("/api/sync/pull?after=0", household.phone.token());
    }
}
