package nl.welkom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * One real server for the whole test run: a random port, a temporary data directory with its own
 * SQLite file (or PostgreSQL database, {@link TestDatabase}) and secret, the test fixtures as content and demo data. Started on first use and
 * stopped when the JVM ends; tests keep to their own fixture households so they stay independent.
 */
public final class TestServer {
    private static TestServer instance;

    private final Path dataDir;
    private final EmbeddedServer server;

    private TestServer(Path dataDir) {
        this(dataDir, properties(dataDir));
    }

    private TestServer(Path dataDir, Map<String, Object> properties) {
        this.dataDir = dataDir;
        this.server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** The shared server, started on first call. */
    public static synchronized TestServer get() {
        if (instance == null) {
            try {
                Path dataDir = Files.createTempDirectory("welkom-test");
                instance = new TestServer(dataDir);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * A server of the caller's own on {@code dataDir} (not the shared one), for tests that stop,
     * fill or replace its database; stop it with {@link #shutdown()}.
     */
    public static TestServer startOwn(Path dataDir) {
        return new TestServer(dataDir);
    }

    /**
     * A server of the caller's own on the SQLite default whichever pass this is (MoveToPostgresTest
     * starts from one); stop it with {@link #shutdown()}.
     */
    public static TestServer startOwnOnSqlite(Path dataDir) {
        Map<String, Object> properties = properties(dataDir);
        properties.remove("datasources.default.username");
        properties.remove("datasources.default.password");
        properties.put("datasources.default.url", "jdbc:sqlite:" + dataDir.resolve("welkom.db")
                + "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true");
        return new TestServer(dataDir, properties);
    }

    /** Stops a server from {@link #startOwn}, leaving its data folder. */
    public void shutdown() {
        server.stop();
    }

    /** Settings for a test context on {@code dataDir}: fixtures, fast bcrypt, random port. */
    public static Map<String, Object> properties(Path dataDir) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("welkom.data-dir", dataDir.toString());
        properties.put("welkom.content.location", "classpath:fixtures/content");
        properties.put("welkom.demo.location", "classpath:fixtures/demo.yaml");
        properties.put("welkom.course.location", "classpath:fixtures/course/pre-departure.yaml");
        properties.put("welkom.phrasebook.location", "classpath:fixtures/phrasebook.yaml");
        properties.put("welkom.auth.bcrypt-cost", 4);
        // Tests play clients at several addresses with X-Forwarded-For (throttling, docs/abuse.md). The whole
        // suite (fuzzer included) comes from loopback: its per-address limits are out of reach here and
        // tested on a server of their own (SourceLimitApiTest); the per-account limit stays as shipped.
        properties.put("welkom.abuse.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
        properties.put("welkom.abuse.login-failures-per-source", 1_000_000);
        properties.put("welkom.abuse.activation-failures-per-source", 1_000_000);
        TestDatabase.configure(properties, dataDir);
        return properties;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A direct connection to the server's database (SQLite file or PostgreSQL), beside the server's own pool. */
    public Connection database() {
        return TestDatabase.connect(dataDir);
    }

    /** The single long value of a query, such as a count. */
    public long queryLong(String sql, Object... parameters) {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update statement directly on the database, for states the API cannot produce (an expired code). */
    public int update(String sql, Object... parameters) {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        server.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the temporary directory is left behind; nothing else depends on it
        }
    }
}
