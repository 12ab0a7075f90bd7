package nl.welkom.journey;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.config.ResourceFiles;
import nl.welkom.config.YamlNode;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;

/**
 * The national default task templates, read from {@code welkom.journey.templates}
 * ({@code classpath:journey/templates.yaml}) on first use and checked then: a unique key, a stage,
 * an assignee, {@code dueDays} from 0 to {@value #MAX_OFFSET}, a Dutch and an English title, states
 * that are translation states. A broken file stops the first use with the file and the field.
 */
@Singleton
public class NationalTemplates {
    /** The longest due offset a template may have: three years, the civic-integration term. */
    public static final int MAX_OFFSET = 1095;

    private final String location;
    private volatile List<Default> defaults;

    NationalTemplates(@Value("${welkom.journey.templates:classpath:journey/templates.yaml}") String location) {
        this.location = location;
    }

    /** The defaults in file order. */
    public List<Default> defaults() {
        List<Default> read = defaults;
        if (read == null) {
            URL file = ResourceFiles.find(location)
                    .orElseThrow(() -> new IllegalStateException("No task templates at " + location));
            read = parse(YamlNode.read(file));
            defaults = read;
        }
        return read;
    }

    /** The templates of a parsed file; package-private for the test that reads the shipped file. */
    static List<Default> parse(YamlNode file) {
        Map<String, TranslationState> fileStates = states(file);
        List<Default> parsed = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlNode node : file.children("templates")) {
            String key = node.text("key");
            if (!keys.add(key)) {
                throw node.fail("key", "is used twice: " + key);
            }
            int dueDays = node.optionalInt("dueDays").orElseThrow(() -> node.fail("dueDays", "is required"));
            if (dueDays < 0 || dueDays > MAX_OFFSET) {
                throw node.fail("dueDays", "must be 0 to " + MAX_OFFSET);
            }
            Map<String, String> titles = node.textMap("title");
            for (String required : List.of(TaskTitles.DUTCH, "en")) {
                if (!titles.containsKey(required)) {
                    throw node.fail("title." + required, "is required");
                }
            }
            titles.forEach((lang, title) -> TaskTitles.refusal(lang, title).ifPresent(problem -> {
                throw node.fail("title." + lang, problem);
            }));
            Map<String, TranslationState> states = new LinkedHashMap<>(fileStates);
            states.putAll(states(node));
            Map<String, TranslationState> titleStates = new LinkedHashMap<>();
            titles.keySet().forEach(lang -> titleStates.put(lang,
                    TaskTitles.DUTCH.equals(lang) ? TranslationState.UP_TO_DATE
                            : states.getOrDefault(lang, TranslationState.UP_TO_DATE)));
            parsed.add(new Default(key, node.enumValue("stage", JourneyStage.class),
                    node.enumValue("assignee", TaskAssignee.class), dueDays, node.optionalText("lesson").orElse(null),
                    Map.copyOf(titles), Map.copyOf(titleStates)));
        }
        return List.copyOf(parsed);
    }

    private static Map<String, TranslationState> states(YamlNode node) {
        Map<String, TranslationState> states = new LinkedHashMap<>();
        node.textMap("states").forEach((lang, state) -> {
            try {
                states.put(lang, TranslationState.valueOf(state.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw node.fail("states." + lang, "must be a translation state such as MACHINE_DRAFTED");
            }
        });
        return states;
    }

    /**
     * One national default.
     *
     * @param key        stable name; a municipality's copy keeps it as its source key
     * @param lessonSlug the lesson that explains it, or null
     * @param titles     title per language, Dutch and English included
     * @param states     state per language of {@code titles}
     */
    public record Default(String key, JourneyStage stage, TaskAssignee assignee, int dueDays, @Nullable String lessonSlug,
                          Map<String, String> titles, Map<String, TranslationState> states) {
    }
}
