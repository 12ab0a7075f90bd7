package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The dashboard speaks Dutch and English from message bundles ({@code resources/i18n/*_nl.properties}
 * and {@code *_en.properties}): every bundle has the same keys in both languages, no word is empty, and
 * every {@code #{key}} a template asks for exists — a missing one would show as {@code ??key_nl??}.
 */
class DashboardWordsTest {
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path VIEWS = Path.of("src/main/resources/views");
    private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

    @Test
    void everyBundleHasTheSameWordsInDutchAndEnglishAndNoneIsEmpty() throws IOException {
        Map<String, Properties> dutch = bundles("_nl");
        Map<String, Properties> english = bundles("_en");
        assertFalse(dutch.isEmpty(), "no bundles found in " + BUNDLES.toAbsolutePath());
        assertEquals(dutch.keySet(), english.keySet(), "each bundle needs both a _nl and an _en file");
        for (String bundle : dutch.keySet()) {
            assertEquals(new TreeSet<>(dutch.get(bundle).stringPropertyNames()),
                    new TreeSet<>(english.get(bundle).stringPropertyNames()), bundle + ": keys differ between nl and en");
            for (Properties words : new Properties[] {dutch.get(bundle), english.get(bundle)}) {
                words.forEach((key, value) -> assertFalse(value.toString().isBlank(), bundle + ": " + key + " is empty"));
            }
        }
    }

    @Test
    void everyWordATemplateAsksForExistsInBothLanguages() throws IOException {
        Set<String> known = new TreeSet<>();
        bundles("_nl").values().forEach(words -> known.addAll(words.stringPropertyNames()));
        Set<String> english = new TreeSet<>();
        bundles("_en").values().forEach(words -> english.addAll(words.stringPropertyNames()));
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(VIEWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher used = MESSAGE.matcher(Files.readString(file));
                while (used.find()) {
                    if (!exists(used.group(1), known) || !exists(used.group(1), english)) {
                        missing.add(VIEWS.relativize(file) + ": " + used.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "words used but not in the bundles: " + missing);
    }

    @Test
    void noWordHasAStraightApostropheWhichTheMessageSourceWouldSwallow() throws IOException {
        Set<String> swallowed = new TreeSet<>();
        for (String suffix : new String[] {"_nl", "_en"}) {
            bundles(suffix).forEach((bundle, words) -> words.forEach((key, value) -> {
                if (value.toString().contains("'")) {
                    swallowed.add(bundle + suffix + ": " + key);
                }
            }));
        }
        assertTrue(swallowed.isEmpty(), "write an apostrophe as ’ (menu’s, browser’s): " + swallowed);
    }

    /** A key as used, or a family of keys ({@code stage.__${stage}__} is used as {@code stage.__}): one must exist. */
    private static boolean exists(String used, Set<String> keys) {
        if (used.endsWith("__")) {
            String prefix = used.substring(0, used.length() - 2);
            return keys.stream().anyMatch(key -> key.startsWith(prefix));
        }
        return keys.contains(used);
    }

    /** Bundle name (without language) → its words in the language with {@code suffix}. */
    private static Map<String, Properties> bundles(String suffix) throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix + ".properties")).toList()) {
                String name = file.getFileName().toString();
                Properties words = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    words.load(reader);
                }
                bundles.put(name.substring(0, name.length() - (suffix + ".properties").length()), words);
            }
        }
        return bundles;
    }
}
