package nl.welkom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Which database the tests run on: SQLite (a file in each server's data folder, the default) or, with
 * {@code -Dwelkom.test.database=postgres} (the suite's PostgreSQL pass, docs/postgresql.md), a real
 * PostgreSQL — one embedded server for the JVM, started on first use, and a fresh database for each
 * data folder. Tests reach a server's database through {@link #connect(Path)} whichever it is; tests
 * that are SQLite by nature (its files, pragmas and query plans) carry {@code @Tag("sqlite")} and are
 * left out of the PostgreSQL pass.
 */
public final class TestDatabase {
    /** The JUnit tag of tests that only make sense on SQLite. */
    public static final String SQLITE_ONLY = "sqlite";

    private static final boolean POSTGRES = "postgres".equals(System.getProperty("welkom.test.database"));
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** True in the PostgreSQL pass. */
    public static boolean isPostgres() {
        return POSTGRES;
    }

    /** The JDBC URL of the database that belongs to {@code dataDir} (created on first call). */
    public static String url(Path dataDir) {
        if (!POSTGRES) {
            return "jdbc:sqlite:" + dataDir.resolve("welkom.db") + "?busy_timeout=5000&foreign_keys=true";
        }
        return DATABASES.computeIfAbsent(dataDir.toAbsolutePath(), dir -> createDatabase());
    }

    /** Settings that point a server context on {@code dataDir} at its database. */
    static void configure(Map<String, Object> properties, Path dataDir) {
        if (POSTGRES) {
            properties.put("datasources.default.url", url(dataDir));
            properties.put("datasources.default.username", "postgres");
            properties.put("datasources.default.password", "postgres");
        }
    }

    /** A direct connection to {@code dataDir}'s database, beside the server's own pool. */
    public static Connection connect(Path dataDir) {
        try {
            return POSTGRES ? DriverManager.getConnection(url(dataDir), "postgres", "postgres")
                    : DriverManager.getConnection(url(dataDir));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String createDatabase() {
        try {
            if (postgres == null) {
                // Durability is not what this pass tests (CrashIT and BackupRestoreTest do, on SQLite).
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                        .start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the temporary cluster is left behind; nothing else depends on it
                    }
                }));
            }
            String name = "welkom_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database", e);
        }
    }
}
