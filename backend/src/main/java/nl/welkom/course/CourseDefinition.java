package nl.welkom.course;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.welkom.config.YamlNode;
import nl.welkom.model.content.TranslationState;

/**
 * A course as its YAML file says (docs/content-format.md), validated: per-language texts with
 * Dutch required, 3-4 options with exactly one correct, question slugs unique in the course.
 */
record CourseDefinition(String slug, Map<String, String> title, Map<String, String> description,
                        Map<String, TranslationState> states, List<LessonDef> lessons) {
    static final String SOURCE = "nl";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    record LessonDef(String slug, String lessonId, List<QuestionDef> quiz) {
    }

    record QuestionDef(String slug, Map<String, String> question, List<Map<String, String>> options, int correct,
                       Map<String, String> explanation) {
    }

    /** The course id: a name-based UUID of its slug, the same on every installation. */
    String id() {
        return uuid("course:" + slug);
    }

    /** Every question of the course, in order. */
    List<QuestionDef> questions() {
        List<QuestionDef> all = new ArrayList<>();
        lessons.forEach(lesson -> all.addAll(lesson.quiz()));
        return all;
    }

    TranslationState stateOf(String lang) {
        return SOURCE.equals(lang) ? TranslationState.UP_TO_DATE : states.getOrDefault(lang, TranslationState.UP_TO_DATE);
    }

    /** The orientation lesson id for a slug, as the content loader makes it (docs/content-format.md). */
    static String lessonId(String lessonSlug) {
        return uuid("lesson:" + lessonSlug);
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static CourseDefinition parse(YamlNode file) {
        String slug = slug(file);
        Map<String, TranslationState> states = new HashMap<>();
        file.textMap("states").forEach((lang, state) -> {
            try {
                TranslationState parsed = TranslationState.valueOf(state);
                if (parsed == TranslationState.MISSING) {
                    throw file.fail("states." + lang, "MISSING is computed, not declared");
                }
                states.put(lang, parsed);
            } catch (IllegalArgumentException e) {
                throw file.fail("states." + lang, "must be UP_TO_DATE, OUTDATED or MACHINE_DRAFTED");
            }
        });
        Set<String> questionSlugs = new HashSet<>();
        Set<String> lessonSlugs = new HashSet<>();
        List<LessonDef> lessons = new ArrayList<>();
        for (YamlNode lesson : file.children("lessons")) {
            String lessonSlug = lesson.text("lesson");
            if (!lessonSlugs.add(lessonSlug)) {
                throw lesson.fail("lesson", "'" + lessonSlug + "' is in the course twice");
            }
            List<QuestionDef> quiz = new ArrayList<>();
            for (YamlNode question : lesson.children("quiz")) {
                String questionSlug = slug(question);
                if (!questionSlugs.add(questionSlug)) {
                    throw question.fail("slug", "'" + questionSlug + "' is used twice in the course");
                }
                List<YamlNode> optionNodes = question.children("options");
                if (optionNodes.size() < 3 || optionNodes.size() > 4) {
                    throw question.fail("options", "must have 3 or 4 options");
                }
                List<Map<String, String>> options = new ArrayList<>();
                int correct = -1;
                for (int i = 0; i < optionNodes.size(); i++) {
                    YamlNode option = optionNodes.get(i);
                    options.add(texts(option, "text"));
                    if ("true".equalsIgnoreCase(option.optionalText("correct").orElse("false"))) {
                        if (correct >= 0) {
                            throw option.fail("correct", "only one option may be correct");
                        }
                        correct = i;
                    }
                }
                if (correct < 0) {
                    throw question.fail("options", "one option must be correct: true");
                }
                quiz.add(new QuestionDef(questionSlug, texts(question, "question"), List.copyOf(options), correct,
                        texts(question, "explanation")));
            }
            lessons.add(new LessonDef(lessonSlug, lessonId(lessonSlug), List.copyOf(quiz)));
        }
        if (lessons.isEmpty()) {
            throw file.fail("lessons", "a course needs at least one lesson");
        }
        return new CourseDefinition(slug, texts(file, "title"), file.textMap("description"), Map.copyOf(states),
                List.copyOf(lessons));
    }

    private static String slug(YamlNode node) {
        String slug = node.text("slug");
        if (!SLUG.matcher(slug).matches()) {
            throw node.fail("slug", "must be lowercase letters, digits and single dashes");
        }
        return slug;
    }

    private static Map<String, String> texts(YamlNode node, String key) {
        Map<String, String> texts = node.textMap(key);
        if (!texts.containsKey(SOURCE)) {
            throw node.fail(key + "." + SOURCE, "is required: Dutch is the source language");
        }
        return texts;
    }
}
