package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import nl.welkom.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {

    @Test
    void theSecretIsCreatedOnceWithOwnerOnlyPermissionsAndReusedAfter(@TempDir Path temporary) throws IOException {
        Path dataDir = temporary.resolve("nested/data");

        byte[] first = ServerSecret.loadOrCreate(dataDir).key();
        byte[] second = ServerSecret.loadOrCreate(dataDir).key();

        assertEquals(32, first.length);
        assertArrayEquals(first, second);
        Path file = dataDir.resolve("secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dataDir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aDamagedSecretStopsTheStartInsteadOfBeingReplaced(@TempDir Path dataDir) throws IOException {
        Files.write(dataDir.resolve("secret.key"), new byte[] {1, 2, 3});

        assertThrows(IllegalStateException.class, () -> ServerSecret.loadOrCreate(dataDir));
    }

    @Test
    void theRunningServerKeepsItsSecretInItsDataDirectory() throws IOException {
        Path file = TestServer.get().dataDir().resolve("secret.key");

        assertTrue(Files.isRegularFile(file));
        assertArrayEquals(Files.readAllBytes(file), ServerSecret.loadOrCreate(TestServer.get().dataDir()).key());
    }
}
