package nl.welkom.client.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * No personal data in the server's log, for every end-to-end test: when a {@link BackendProcess} is
 * closed, its whole output is searched for every person's name and every username of the demo data
 * the backend runs on ({@code backend/src/main/resources/demo/*.yaml}). The backend suite checks its
 * own log the same way (SuiteLogCanaryTest).
 */
final class LogCanaries {
    private static final Pattern NAME =
            Pattern.compile("(?m)^\\s*-?\\s*(?:displayName|firstName|lastName|username):\\s*(.+?)\\s*$");
    private static Set<String> canaries;

    private LogCanaries() {
    }

    /**
     * Fails with every log line that carries a canary; {@code backendJar} ({@code backend/target/welkom-backend.jar})
     * says where the backend's demo data is, from whichever module the test runs in.
     */
    static void assertClean(String log, Path backendJar) {
        List<String> hits = new ArrayList<>();
        Set<String> names = canaries(backendJar.toAbsolutePath().getParent().getParent()
                .resolve(Path.of("src", "main", "resources", "demo")));
        for (String line : log.split("\n")) {
            for (String canary : names) {
                if (line.contains(canary)) {
                    hits.add(canary + " in: " + line);
                }
            }
        }
        System.out.println("LogCanaries: " + log.split("\n").length + " backend log lines checked against "
                + names.size() + " demo canaries, " + hits.size() + " hits");
        if (!hits.isEmpty()) {
            throw new AssertionError("The backend logged personal data:\n" + String.join("\n", hits));
        }
    }

    private static synchronized Set<String> canaries(Path demo) {
        if (canaries == null) {
            Set<String> found = new LinkedHashSet<>();
            try (Stream<Path> files = Files.list(demo)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).collect(Collectors.toList())) {
                    Matcher matcher = NAME.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        found.add(matcher.group(1).replaceAll("^[\"']|[\"']$", ""));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the demo data in " + demo, e);
            }
            if (found.size() < 50) {
                throw new IllegalStateException("Too few demo names found in " + demo + ": " + found);
            }
            canaries = found;
        }
        return canaries;
    }
}
