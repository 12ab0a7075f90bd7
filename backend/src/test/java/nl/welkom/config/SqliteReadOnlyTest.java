package nl.welkom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.Map;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.welkom.TestDatabase;
import nl.welkom.TestServer;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * STACK.md pitfall 2: Micronaut Data marks reads read-only, and plain sqlite-jdbc refuses
 * {@code setReadOnly} on an open connection. Runs without a test transaction so that reads really
 * go through the non-transactional path.
 */
@Tag(TestDatabase.SQLITE_ONLY)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteReadOnlyTest implements TestPropertyProvider {
    @Inject
    AppUserRepository users;
    @Inject
    MunicipalityRepository municipalities;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        try {
            Map<String, String> properties = new java.util.HashMap<>();
            TestServer.properties(Files.createTempDirectory("welkom-readonly"))
                    .forEach((key, value) -> properties.put(key, String.valueOf(value)));
            properties.put("welkom.demo.enabled", "false");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void repositoryReadsWorkOutsideATransaction() {
        assertEquals(0, municipalities.count());
        assertTrue(users.findByUsername("nobody").isEmpty());
        assertTrue(municipalities.findById("none").isEmpty());
    }

    @Test
    void aReadOnlyTransactionCannotWrite() {
        Municipality municipality = new Municipality("m-readonly", "readonly", "Read only", 0);

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> transactions.executeRead(status -> municipalities.save(municipality)));

        assertTrue(causes(refused).toLowerCase(java.util.Locale.ROOT).contains("readonly"),
                "refused by PRAGMA query_only: " + causes(refused));

        assertTrue(municipalities.findById("m-readonly").isEmpty());
    }

    private static String causes(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    @Test
    void aWriteAfterAReadOnlyTransactionSucceedsOnTheSamePool() {
        transactions.executeRead(status -> municipalities.count());
        Municipality municipality = new Municipality("m-write", "write", "Write", 0);

        transactions.executeWrite(status -> municipalities.save(municipality));
        municipalities.deleteById("m-write");

        assertTrue(municipalities.findById("m-write").isEmpty());
    }
}
