package nl.welkom.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds bundled data files by location: {@code classpath:dir/file} (in a directory or inside the
 * application jar) or {@code file:/path}. Used by the content and demo loaders.
 */
public final class ResourceFiles {
    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private ResourceFiles() {
    }

    /** The file at {@code location}, or empty when there is none. */
    public static Optional<URL> find(String location) {
        try {
            if (location.startsWith(FILE)) {
                Path path = Path.of(location.substring(FILE.length()));
                return Files.isRegularFile(path) ? Optional.of(path.toUri().toURL()) : Optional.empty();
            }
            return Optional.ofNullable(classLoader().getResource(classpathName(location)));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Bad location " + location, e);
        }
    }

    /** Files directly in the directory at {@code location} whose names end with {@code suffix}, sorted by name. */
    public static List<URL> list(String location, String suffix) {
        try {
            if (location.startsWith(FILE)) {
                return listDirectory(Path.of(location.substring(FILE.length())), suffix);
            }
            URL directory = classLoader().getResource(classpathName(location));
            if (directory == null) {
                return List.of();
            }
            if ("jar".equals(directory.getProtocol())) {
                return listInJar(directory, suffix);
            }
            return listDirectory(Path.of(directory.toURI()), suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location, e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Bad location " + location, e);
        }
    }

    private static List<URL> listDirectory(Path directory, String suffix) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<URL> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                files.add(entry.toUri().toURL());
            }
        }
        return files;
    }

    /** Lists a directory inside a jar by name; the returned jar: URLs read without keeping the file system open. */
    private static List<URL> listInJar(URL directory, String suffix) throws IOException, URISyntaxException {
        String spec = directory.toString();
        int separator = spec.indexOf("!/");
        URI jar = new URI(spec.substring(0, separator));
        String inside = spec.substring(separator + 1);
        List<String> names = new ArrayList<>();
        FileSystem fileSystem;
        boolean opened = false;
        try {
            fileSystem = FileSystems.newFileSystem(jar, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            fileSystem = FileSystems.getFileSystem(jar);
        }
        try (Stream<Path> entries = Files.list(fileSystem.getPath(inside))) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().forEach(names::add);
        } finally {
            if (opened) {
                fileSystem.close();
            }
        }
        List<URL> files = new ArrayList<>();
        String base = spec.endsWith("/") ? spec : spec + "/";
        for (String name : names) {
            files.add(new URI(base + name).toURL());
        }
        return files;
    }

    private static String classpathName(String location) {
        String name = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ResourceFiles.class.getClassLoader();
    }
}
