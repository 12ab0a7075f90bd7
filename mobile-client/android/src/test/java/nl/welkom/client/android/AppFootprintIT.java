package nl.welkom.client.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.Test;

/**
 * What an Android app pulls in with {@code welkom-android}: the adapter jar plus the jars Maven
 * resolves for it at compile and run time (written by the build to {@code target/app-classpath.txt}).
 * None may carry native code, and sqlite-jdbc must not be among them; the total is printed for
 * docs/performance.md. (The build's enforcer rule fails earlier on any jar not on the allowed list.)
 */
public class AppFootprintIT {

    @Test
    public void anAndroidAppGetsTheCoreOkHttpAndGsonAndNoDesktopNatives() throws IOException {
        List<Path> jars = new ArrayList<>();
        jars.add(Paths.get(System.getProperty("welkom.adapter.jar")));
        String classpath = new String(Files.readAllBytes(Paths.get(System.getProperty("welkom.app.classpath"))),
                StandardCharsets.UTF_8).trim();
        for (String entry : classpath.split(File.pathSeparator)) {
            jars.add(Paths.get(entry));
        }
        long total = 0;
        List<String> names = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            names.add(name);
            assertFalse(name + " is the desktop SQLite driver", name.startsWith("sqlite-jdbc"));
            assertTrue(name + " is a jar", Files.isRegularFile(jar) || Files.isDirectory(jar));
            assertEquals(name + " carries native code", new ArrayList<String>(), nativeEntries(jar));
            long size = size(jar);
            total += size;
            System.out.printf(Locale.ROOT, "[footprint] %-45s %9d bytes%n", name, size);
        }
        System.out.printf(Locale.ROOT, "[footprint] total: %d jars, %d bytes (%.2f MB)%n", jars.size(), total,
                total / 1_000_000.0);
        Path sqliteJdbc = Paths.get(System.getProperty("welkom.sqlite-jdbc.jar"));
        if (Files.isRegularFile(sqliteJdbc)) {
            long desktop = total - size(jars.get(0)) + Files.size(sqliteJdbc);
            System.out.printf(Locale.ROOT, "[footprint] baseline, the desktop companion's set (core + sqlite-jdbc, no adapter): %d bytes;"
                    + " ratio Android / desktop %.2f%n", desktop, total / (double) desktop);
        }
        assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("okhttp-4.")));
        assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("gson-")));
        assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("mobile-client") || n.equals("classes")));
    }

    private static List<String> nativeEntries(Path jar) throws IOException {
        List<String> natives = new ArrayList<>();
        if (Files.isDirectory(jar)) {
            try (Stream<Path> files = Files.walk(jar)) {
                files.map(Path::toString).filter(AppFootprintIT::isNative).forEach(natives::add);
            }
            return natives;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (isNative(entry)) {
                    natives.add(entry);
                }
            }
        }
        return natives;
    }

    private static boolean isNative(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jnilib");
    }

    private static long size(Path jar) throws IOException {
        if (!Files.isDirectory(jar)) {
            return Files.size(jar);
        }
        try (Stream<Path> files = Files.walk(jar)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
