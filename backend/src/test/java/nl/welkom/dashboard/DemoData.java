package nl.welkom.dashboard;

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

import nl.welkom.TestDatabase;
import nl.welkom.TestServer;

/**
 * A server for dashboard tests on the demo data that ships (Zwolle and Deventer, password
 * {@value #PASSWORD}) in a fresh temporary folder with its own SQLite file; otherwise the settings
 * of {@link TestServer#properties}. For {@code @MicronautTest} classes via {@code TestPropertyProvider}.
 */
final class DemoData {
    static final String PASSWORD = "welkom-demo";
    static final String ZWOLLE_OFFICER = "officer@zwolle.demo";
    static final String DEVENTER_OFFICER = "officer@deventer.demo";
    static final String ZWOLLE_BUDDY = "buddy@zwolle.demo";
    static final String ADMIN = "admin@welkom.demo";

    private final Path dataDir;

    DemoData() {
        try {
            dataDir = Files.createTempDirectory("welkom-dashboard");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server settings; the test's HTTP client does not follow redirects, so tests see them. */
    Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        TestServer.properties(dataDir).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("welkom.demo.enabled", "true");
        properties.put("welkom.demo.location", "classpath:demo/demo.yaml");
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    /** The single long value of a query on the server's database file (WAL lets a second connection read). */
    long queryLong(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect(dataDir);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single text value of a query on the server's database file, or null when there is no row. */
    String queryString(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect(dataDir);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the folder; call after the server has stopped. */
    void delete() {
        deleteRecursively(dataDir);
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder harms nothing
        }
    }
}
