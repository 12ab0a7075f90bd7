package nl.welkom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.auth.Session;
import nl.welkom.model.sync.PullResponse;
import nl.welkom.model.sync.PushRequest;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.NonBlocking;

/**
 * No request waits for the database on an event loop (issue 14): a phone's pull goes on on the thread
 * that checked its token instead of being handed to the blocking pool again, and that must never be
 * the event loop. The guard ({@link EventLoopDatabaseGuard}) watches every test server of the run, so
 * whatever ran before this test in the same JVM is covered too.
 */
class NoDatabaseWorkOnTheEventLoopTest {
    private static final Api API = new Api();

    @Test
    void phonesOfficersAndVisitorsReachTheDatabaseOnlyFromBlockingThreads() {
        long taken = EventLoopDatabaseGuard.TAKEN.get();
        Session phone = Fixtures.device(API, "T-PAGE");
        String officer = API.login(Fixtures.OFFICER);
        String buddy = API.login(Fixtures.BUDDY);

        PullResponse first = API.get("/api/sync/pull?after=0", phone.token()).as(PullResponse.class);
        for (int i = 0; i < 50; i++) {
            assertEquals(200, API.get("/api/sync/pull?after=" + first.cursor() + "&lang=ar,en", phone.token()).status());
        }
        assertEquals(400, API.get("/api/sync/pull?after=-1", phone.token()).status());
        assertEquals(200, API.get("/api/sync/pull?after=0", buddy).status());
        assertEquals(200, API.post("/api/sync/push", phone.token(), new PushRequest(List.of())).status());
        assertEquals(200, API.get("/api/households", officer).status());
        assertEquals(200, API.get("/api/me", phone.token()).status());
        assertEquals(401, API.get("/api/sync/pull?after=0", "no-such-token").status());

        assertTrue(EventLoopDatabaseGuard.TAKEN.get() > taken + 50, "the requests went through the guarded pool");
        assertTrue(EventLoopDatabaseGuard.OFFENCES.isEmpty(), String.join("\n", EventLoopDatabaseGuard.OFFENCES));
    }

    @Test
    void theGuardNoticesAConnectionTakenOnAnEventLoop() throws Exception {
        TestServer.get();
        // The newest guarded pool; it may belong to a test's own server that has stopped since: the
        // guard notes the connection before the pool is asked, so a closed pool's refusal is fine here.
        DataSource pool = EventLoopDatabaseGuard.GUARDED.get(EventLoopDatabaseGuard.GUARDED.size() - 1);
        Thread loop = new EventLoopLike(() -> {
            try (Connection connection = pool.getConnection()) {
                connection.isValid(1);
            } catch (SQLException refusedByAClosedPool) {
                // noted all the same
            }
        });
        int before = EventLoopDatabaseGuard.OFFENCES.size();

        loop.start();
        loop.join();

        assertEquals(before + 1, EventLoopDatabaseGuard.OFFENCES.size());
        String offence = EventLoopDatabaseGuard.OFFENCES.remove(before);
        assertTrue(offence.startsWith("guard-check"), offence);
        assertFalse(EventLoopDatabaseGuard.onEventLoop(), "the test's own thread is no event loop");
    }

    /** A thread marked as Micronaut marks its event loops. */
    private static final class EventLoopLike extends Thread implements NonBlocking {
        EventLoopLike(Runnable task) {
            super(task, "guard-check");
        }
    }
}
