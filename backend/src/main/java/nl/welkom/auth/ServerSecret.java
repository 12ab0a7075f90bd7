package nl.welkom.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import nl.welkom.config.PrivateDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 32-byte server secret keying every stored token and code hash. Generated on first start
 * into {@code <data-dir>/secret.key} (owner read/write only) and read from there afterwards;
 * losing it invalidates every token and activation code. Never committed, never logged.
 */
final class ServerSecret {
    static final String FILE_NAME = "secret.key";
    static final int LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(ServerSecret.class);

    private final byte[] key;

    private ServerSecret(byte[] key) {
        this.key = key;
    }

    /** Reads the secret in {@code dataDir}, creating the directory and the secret when missing. */
    static ServerSecret loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            PrivateDirectories.create(dataDir);
            if (!Files.exists(file)) {
                create(file);
                LOG.info("Created a new server secret in {}", file.toAbsolutePath().normalize());
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != LENGTH) {
                throw new IllegalStateException("The server secret " + file + " must hold exactly " + LENGTH
                        + " bytes; restore it from backup or delete it (every token is then invalid).");
            }
            return new ServerSecret(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the server secret " + file, e);
        }
    }

    byte[] key() {
        return key.clone();
    }

    /** Writes a new secret to a private temporary file and moves it in place, never over an existing one. */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            restrictToOwner(temporary);
            Files.write(temporary, key);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(path, ownerOnly);
        } else {
            java.io.File legacy = path.toFile();
            boolean restricted = legacy.setReadable(false, false) && legacy.setReadable(true, true)
                    && legacy.setWritable(false, false) && legacy.setWritable(true, true);
            if (!restricted) {
                throw new IOException("Cannot restrict permissions of " + path);
            }
        }
    }
}
