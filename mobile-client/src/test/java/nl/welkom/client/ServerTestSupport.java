package nl.welkom.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import nl.welkom.client.store.InMemoryLocalStore;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.sync.PullResponse;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer standing in for the backend, an in-memory store and a Welkom over both. */
abstract class ServerTestSupport {

    /** Quiet MockWebServer's log about connections OkHttp opened for a retry (kept referenced). */
    private static final Logger MOCK_SERVER_LOG = quiet(MockWebServer.class.getName());

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T13:00:00.123456Z"), ZoneOffset.UTC);

    MockWebServer server;
    InMemoryLocalStore store;
    Welkom welkom;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        store = new InMemoryLocalStore();
        welkom = Welkom.builder().baseUrl(server.url("/").toString()).store(store).clock(CLOCK).build();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    static MockResponse json(Object body) {
        return new MockResponse()
                .setHeader("Content-Type", "application/json")
                .setBody(Api.GSON.toJson(body));
    }

    static MockResponse problem(int status, String type, String title, String detail) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }

    static PullResponse page(long cursor, boolean hasMore, Household household, List<Task> tasks,
            List<String> deleted) {
        return new PullResponse(cursor, hasMore,
                household == null ? Collections.<Household>emptyList() : Collections.singletonList(household),
                tasks, deleted, Collections.<String>emptyList(), null, null, null, null, null);
    }

    static PullResponse emptyPage(long cursor) {
        return page(cursor, false, null, Collections.<Task>emptyList(), Collections.<String>emptyList());
    }

    /** An empty page that names the content version, as the server does when asked with {@code lang}. */
    static PullResponse emptyPage(long cursor, String contentVersion) {
        return new PullResponse(cursor, false, Collections.<Household>emptyList(), Collections.<Task>emptyList(),
                Collections.<String>emptyList(), Collections.<String>emptyList(), contentVersion, null, null, null, null);
    }

    static MockResponse notModified() {
        return new MockResponse().setResponseCode(304);
    }

    static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the server");
        }
        return request;
    }

    void activated() {
        Shelf.SESSION.put(store, Fixtures.session());
    }
}
