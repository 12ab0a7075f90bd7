package nl.welkom.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.welkom.config.YamlNode;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped national task templates ({@code resources/journey/templates.yaml}) against the shipped content. */
class NationalTemplatesTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/journey/templates.yaml");
    private static final Path TOPICS = Path.of("src/main/resources/content/topics");
    private static final Set<String> OFFERED = Set.of("nl", "en", "ar", "ti", "prs", "so", "fr", "sw", "fa", "ps", "uk", "rn");

    @Test
    void everyLessonATemplateLinksToExistsInTheShippedContent() throws IOException {
        Set<String> lessons = new TreeSet<>();
        try (Stream<Path> files = Files.list(TOPICS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                YamlNode.read(file.toUri().toURL()).children("lessons").forEach(lesson -> lessons.add(lesson.text("slug")));
            }
        }
        List<NationalTemplates.Default> defaults = shipped();

        Set<String> linked = defaults.stream().map(NationalTemplates.Default::lessonSlug).filter(slug -> slug != null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(linked.size() >= 10, "most templates explain themselves with a lesson: " + linked);
        assertTrue(lessons.containsAll(linked), "unknown lessons: " + linked.stream()
                .filter(slug -> !lessons.contains(slug)).toList());
    }

    @Test
    void everyTemplateHasItsTitleInEveryOfferedLanguageAndSaysWhichAreMachineDrafted() throws IOException {
        for (NationalTemplates.Default template : shipped()) {
            assertEquals(OFFERED, template.titles().keySet(), template.key());
            assertEquals(TranslationState.UP_TO_DATE, template.states().get("nl"), template.key());
            assertEquals(TranslationState.UP_TO_DATE, template.states().get("en"), template.key());
            OFFERED.stream().filter(lang -> !lang.equals("nl") && !lang.equals("en")).forEach(lang ->
                    assertEquals(TranslationState.MACHINE_DRAFTED, template.states().get(lang), template.key() + " " + lang));
        }
    }

    @Test
    void everyStageHasTemplatesAndTheRealStepsOfSettlingInAreThere() throws IOException {
        List<NationalTemplates.Default> defaults = shipped();

        Set<JourneyStage> stages = defaults.stream().map(NationalTemplates.Default::stage)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(JourneyStage.class)));
        String dutch = defaults.stream().map(template -> template.titles().get("nl")).collect(Collectors.joining("\n"));

        assertEquals(EnumSet.allOf(JourneyStage.class), stages);
        for (String step : List.of("BRP", "basisbankrekening", "huisarts", "zorgverzekering", "Zorgtoeslag", "school",
                "Kinderbijslag", "Huurtoeslag", "DigiD", "bibliotheekpas", "taalschool", "PIP")) {
            assertTrue(dutch.contains(step), "a template for " + step);
        }
    }

    @Test
    void aBrokenFileIsRefusedWithTheFieldThatIsWrong(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("templates.yaml");
        Files.writeString(file, "templates:\n  - key: a\n    stage: ARRIVAL\n    assignee: FAMILY\n    dueDays: 2000\n"
                + "    title: {nl: A, en: A}\n");
        URL url = file.toUri().toURL();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> NationalTemplates.parse(YamlNode.read(url)));

        assertTrue(refused.getMessage().contains("dueDays"), refused.getMessage());
    }

    private static List<NationalTemplates.Default> shipped() throws IOException {
        return NationalTemplates.parse(YamlNode.read(TEMPLATES.toUri().toURL()));
    }
}
