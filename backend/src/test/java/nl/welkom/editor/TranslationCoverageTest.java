package nl.welkom.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.editor.EditorModel.LanguageCounts;
import nl.welkom.editor.EditorModel.UiStringCounts;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;

/**
 * What editors see of the content that ships, in the languages of the largest resettlement groups:
 * every lesson there (machine-drafted, and saying so), and the companion's own words counted per
 * language. Runs on the real content files, not the test fixtures.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationCoverageTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            Map<String, String> properties = new HashMap<>();
            TestServer.properties(Files.createTempDirectory("welkom-coverage"))
                    .forEach((key, value) -> properties.put(key, String.valueOf(value)));
            properties.put("welkom.demo.enabled", "true");
            properties.put("welkom.content.location", "classpath:content/topics");
            properties.put("welkom.course.location", "classpath:content/course/pre-departure.yaml");
            properties.put("welkom.phrasebook.location", "classpath:content/phrasebook.yaml");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> List<T> get(String path, Class<T> type) {
        String token = client.toBlocking().retrieve(HttpRequest.POST("/api/auth/login",
                new LoginRequest(Fixtures.EDITOR, "test-password")), Session.class).token();
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.listOf(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ti", "prs", "so", "fr", "sw"})
    void noShippedLessonIsMissingInTheLanguagesOfTheDemoFamiliesAndEveryOneSaysAMachineDraftedIt(String lang) {
        Map<String, LanguageCounts> counts = get("/api/editor/status", LanguageCounts.class).stream()
                .collect(Collectors.toMap(LanguageCounts::lang, Function.identity()));
        LanguageCounts row = counts.get(lang);
        int lessons = row.upToDate() + row.outdated() + row.machineDrafted() + row.missing();
        assertTrue(lessons >= 34, "every shipped lesson is counted: " + row);
        assertEquals(0, row.missing(), lang + ": " + row);
        assertEquals(lessons, row.machineDrafted(), "a machine drafted them and they say so: " + row);
    }

    @Test
    void theCompanionsOwnWordsAreCountedPerLanguageTranslatedMachineDraftedAndMissing() {
        List<UiStringCounts> rows = get("/api/editor/ui-strings", UiStringCounts.class);
        Map<String, UiStringCounts> byLang = rows.stream().collect(Collectors.toMap(UiStringCounts::lang, Function.identity()));

        assertEquals(12, rows.size(), rows.toString());
        UiStringCounts english = byLang.get("en");
        assertEquals(english.total(), english.translated(), "English is the source: " + english);
        for (UiStringCounts row : rows) {
            assertEquals(row.total(), row.translated() + row.machineDrafted() + row.missing(), row.toString());
            assertEquals(0, row.unreadable(), row.toString());
        }
        for (String lang : new String[] {"ti", "ar", "prs", "so", "sw", "fr", "fa", "ps", "rn", "uk", "nl"}) {
            UiStringCounts row = byLang.get(lang);
            assertEquals(0, row.missing(), row.toString());
            assertEquals(row.total(), row.machineDrafted(), "every string is marked machine-drafted: " + row);
        }
    }
}
