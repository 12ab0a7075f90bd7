package nl.welkom.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the directories that hold the database and the server secret. A directory this
 * creates is readable by its owner only (where the file system has POSIX permissions): the data
 * is about vulnerable people. Existing directories are left as the operator made them.
 */
public final class PrivateDirectories {
    private PrivateDirectories() {
    }

    public static void create(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (parent != null && Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(absolute);
        }
    }
}
