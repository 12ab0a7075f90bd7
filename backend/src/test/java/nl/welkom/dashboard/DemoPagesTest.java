package nl.welkom.dashboard;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;

/**
 * What every dashboard page test on the demo data shares: a server on a fresh copy of the demo
 * ({@link DemoData}), a {@link DashboardClient} for it, and the data removed afterwards. A subclass
 * adds {@code @MicronautTest(transactional = false)} and its tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoPagesTest implements TestPropertyProvider {
    final DemoData demo = new DemoData();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    EmbeddedServer server;
    DashboardClient web;

    @BeforeAll
    void connect() {
        web = new DashboardClient(http, server);
    }

    @Override
    public Map<String, String> getProperties() {
        return demo.properties();
    }

    @AfterAll
    void removeData() {
        demo.delete();
    }
}
