package nl.welkom.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.welkom.model.i18n.Bundle;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.place.PlaceCategory;

/**
 * The build check between code and strings: every key the companion asks for is in the English
 * source (so no reader ever sees a raw key), and no screen prints a hard-coded English sentence.
 */
class CompanionStringsTest {

    private static final Pattern KEY = Pattern.compile("(?:\\bt|\\bn|\\.text)\\(\"([a-z_.\\-]+)\"(?!\\s*\\+)");
    private static final Path CLI = Paths.get("src/main/java/nl/welkom/client/cli");

    private final Bundle bundle = Bundle.load(Bundle.COMPANION);

    @Test
    void everyKeyTheCompanionUsesIsInTheSourceLanguage() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        for (Path file : sources()) {
            Matcher m = KEY.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        for (JourneyStage s : JourneyStage.values()) {
            used.add("stage." + s.name());
        }
        for (TaskAssignee a : TaskAssignee.values()) {
            used.add("assignee." + a.name());
        }
        for (PlaceCategory c : PlaceCategory.values()) {
            used.add("place." + c.name());
        }
        assertTrue(used.size() > 150, "found the keys: " + used.size());
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            if (!bundle.template().entries().containsKey(key)) {
                missing.add(key);
            }
        }
        assertEquals(new ArrayList<String>(), missing);
    }

    @Test
    void noScreenPrintsAHardCodedSentence() throws IOException {
        // A string literal of two or more words with a lower-case letter, passed straight to output.
        Pattern sentence = Pattern.compile("(?:say|line|option|println|ask)\\(\"[^\"]*[a-z]{2,} [a-z]{2,}[^\"]*\"");
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            Matcher m = sentence.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            while (m.find()) {
                found.add(file.getFileName() + ": " + m.group());
            }
        }
        assertEquals(new ArrayList<String>(), found);
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(CLI)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        assertTrue(files.size() >= 10, "the companion's screens");
        return files;
    }
}
