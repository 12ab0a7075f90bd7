package nl.welkom.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import nl.welkom.Api;
import nl.welkom.TestServer;
import nl.welkom.model.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A PostgreSQL whose disk fills up (the PostgreSQL pass's sibling of {@link StorageFullTest}): the
 * {@code message} table is moved into a tablespace on a small tmpfs of its own (the test runs as root,
 * as CI here does; elsewhere it is skipped), and a filler file takes the last byte. PostgreSQL then
 * refuses to extend the table ({@code 53100 disk_full}); the server answers 503 {@code storage-full},
 * stores nothing half, and once the filler is gone the same write succeeds without a restart.
 */
@EnabledIfSystemProperty(named = "welkom.test.database", matches = "postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStorageFullTest {
    private Path mount;
    private TestServer server;
    private Api api;
    private String tablespace;

    @BeforeAll
    void startWithTheMessagesOnASmallDisk() throws Exception {
        mount = StorageFullTest.mountSmallDisk("welkom-pg-full", "4m");
        server = TestServer.startOwn(Files.createTempDirectory("welkom-pg-full-data"));
        api = new Api(server);
        tablespace = "welkom_full_" + ProcessHandle.current().pid();
        try (Connection database = server.database(); Statement statement = database.createStatement()) {
            // The tablespace's folder must belong to the operating-system user PostgreSQL runs as.
            UserPrincipal owner = Files.getOwner(Path.of(single(statement, "SHOW data_directory")));
            Path folder = Files.createDirectory(mount.resolve("tablespace"));
            Files.setOwner(folder, owner);
            statement.execute("CREATE TABLESPACE " + tablespace + " LOCATION '" + folder + "'");
            statement.execute("ALTER TABLE message SET TABLESPACE " + tablespace);
        }
    }

    @AfterAll
    void stopAndUnmount() throws Exception {
        if (server != null) {
            try (Connection database = server.database(); Statement statement = database.createStatement()) {
                statement.execute("ALTER TABLE message SET TABLESPACE pg_default");
                statement.execute("DROP TABLESPACE " + tablespace);
            } finally {
                server.shutdown();
            }
        }
        StorageFullTest.unmount(mount);
    }

    @Test
    void aFullDiskUnderPostgresqlRefusesTheWriteWithA503ProblemStoresNothingAndRecovers() throws Exception {
        StorageFullTest.Refusal refusal = StorageFullTest.fillAndWriteUntilRefused(api, mount);
        String officer = refusal.officer();
        List<String> stored = refusal.stored();
        Api.Response refused = refusal.response();
        String refusedText = refusal.text();
        Problem problem = refused.problem(503);
        assertTrue(problem.type().endsWith("/storage-full"), problem.type());
        assertEquals("60", refused.header("Retry-After"));
        assertFalse(refused.body().contains("Exception") || refused.body().contains("PSQL"), refused.body());
        assertEquals(200, api.get("/api/content?lang=nl", officer).status(), "reads that write nothing go on");

        refusal.assertNothingHalfStored(server);

        Files.delete(refusal.filler());
        assertEquals(201, api.post(refusal.messages(), officer, Map.of("text", refusedText)).status(), "space is back");
        assertEquals(1, server.queryLong("SELECT COUNT(*) FROM message WHERE text = ?", refusedText), "stored once, on the retry");
        System.out.println("PostgresStorageFullTest: tablespace disk filled after " + stored.size()
                + " writes; 503 storage-full, 0 partial records, recovered without restart");
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
