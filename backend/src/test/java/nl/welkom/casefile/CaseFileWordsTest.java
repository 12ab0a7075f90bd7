package nl.welkom.casefile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The words Java asks the bundle for (error messages, which pages and API answers resolve by key)
 * exist in Dutch and in English: {@code DashboardWordsTest} only sees the keys templates use.
 */
class CaseFileWordsTest {

    @Test
    void everyKindOfMistakeHasItsWordsInDutchAndEnglish() throws IOException {
        for (String language : new String[] {"nl", "en"}) {
            Properties words = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    Path.of("src/main/resources/i18n/households_" + language + ".properties"), StandardCharsets.UTF_8)) {
                words.load(reader);
            }
            Set<String> missing = new TreeSet<>();
            for (Invalid invalid : Invalid.values()) {
                if (words.getProperty(invalid.key(), "").isBlank()) {
                    missing.add(invalid.key());
                }
            }
            assertTrue(missing.isEmpty(), language + " lacks " + missing);
            words.forEach((key, value) -> assertTrue(!value.toString().contains("'"),
                    key + ": a plain apostrophe disappears from a message; write ’"));
        }
    }
}
