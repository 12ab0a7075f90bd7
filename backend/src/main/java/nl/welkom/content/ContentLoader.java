package nl.welkom.content;

import java.net.URL;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.ResourceFiles;
import nl.welkom.config.YamlNode;
import nl.welkom.content.ContentEntities.LessonEntity;
import nl.welkom.content.ContentEntities.LessonTranslation;
import nl.welkom.content.ContentEntities.SectionEntity;
import nl.welkom.content.ContentEntities.SectionTranslation;
import nl.welkom.content.ContentEntities.TopicEntity;
import nl.welkom.content.ContentEntities.TopicTranslation;
import nl.welkom.content.ContentRepositories.LanguageRepository;
import nl.welkom.content.ContentRepositories.LessonRepository;
import nl.welkom.content.ContentRepositories.LessonTranslationRepository;
import nl.welkom.content.ContentRepositories.SectionRepository;
import nl.welkom.content.ContentRepositories.SectionTranslationRepository;
import nl.welkom.content.ContentRepositories.TopicRepository;
import nl.welkom.content.ContentRepositories.TopicTranslationRepository;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.journey.JourneyStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the bundled orientation content (docs/content-format.md) on start when the content
 * tables are empty, in one transaction: a second start, or a second instance racing the first,
 * changes nothing. A malformed file stops the start with the file and field named, because
 * shipping half the content silently is worse.
 */
@Singleton
final class ContentLoader implements ApplicationEventListener<StartupEvent> {
    static final String SOURCE = "nl";
    private static final Logger LOG = LoggerFactory.getLogger(ContentLoader.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ContentProperties properties;
    private final TransactionOperations<Connection> transactions;
    private final LanguageRepository languages;
    private final TopicRepository topics;
    private final TopicTranslationRepository topicTranslations;
    private final LessonRepository lessons;
    private final LessonTranslationRepository lessonTranslations;
    private final SectionRepository sections;
    private final SectionTranslationRepository sectionTranslations;
    private final ContentPacks packs;

    ContentLoader(ContentProperties properties, TransactionOperations<Connection> transactions,
                  LanguageRepository languages, TopicRepository topics, TopicTranslationRepository topicTranslations,
                  LessonRepository lessons, LessonTranslationRepository lessonTranslations, SectionRepository sections,
                  SectionTranslationRepository sectionTranslations, ContentPacks packs) {
        this.properties = properties;
        this.transactions = transactions;
        this.languages = languages;
        this.topics = topics;
        this.topicTranslations = topicTranslations;
        this.lessons = lessons;
        this.lessonTranslations = lessonTranslations;
        this.sections = sections;
        this.sectionTranslations = sectionTranslations;
        this.packs = packs;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (topics.count() > 0) {
            return;
        }
        List<URL> files = ResourceFiles.list(properties.location(), ".yaml");
        if (files.isEmpty()) {
            LOG.warn("No orientation content found at {}", properties.location());
            return;
        }
        Set<String> known = new HashSet<>();
        languages.findAll().forEach(language -> known.add(language.code()));
        Batch batch = new Batch(known);
        for (URL file : files) {
            batch.addTopic(YamlNode.read(file));
        }
        boolean imported = transactions.executeWrite(status -> {
            if (topics.count() > 0) {
                return false;
            }
            topics.saveAll(batch.topics);
            topicTranslations.saveAll(batch.topicTranslations);
            lessons.saveAll(batch.lessons);
            lessonTranslations.saveAll(batch.lessonTranslations);
            sections.saveAll(batch.sections);
            sectionTranslations.saveAll(batch.sectionTranslations);
            RevisionBackfill.run(status.getConnection());
            return true;
        });
        if (imported) {
            packs.invalidate();
            LOG.info("Imported orientation content: {} topics, {} lessons, {} sections",
                    batch.topics.size(), batch.lessons.size(), batch.sections.size());
        }
    }

    /** The rows of all files, validated before anything is written. */
    private static final class Batch {
        final Set<String> knownLanguages;
        final Set<String> slugs = new HashSet<>();
        final List<TopicEntity> topics = new ArrayList<>();
        final List<TopicTranslation> topicTranslations = new ArrayList<>();
        final List<LessonEntity> lessons = new ArrayList<>();
        final List<LessonTranslation> lessonTranslations = new ArrayList<>();
        final List<SectionEntity> sections = new ArrayList<>();
        final List<SectionTranslation> sectionTranslations = new ArrayList<>();

        Batch(Set<String> knownLanguages) {
            this.knownLanguages = knownLanguages;
        }

        void addTopic(YamlNode file) {
            String slug = slug(file, "topic:");
            String topicId = ContentIds.topic(slug);
            topics.add(new TopicEntity(topicId, slug, topics.size() + 1, file.enumValue("stage", JourneyStage.class)));
            Map<String, TranslationState> states = states(file);
            texts(file, "title", true).forEach((lang, title) -> topicTranslations.add(
                    new TopicTranslation(ContentIds.translation(topicId, lang), topicId, lang, title, stateOf(states, lang))));
            int position = 0;
            for (YamlNode lesson : file.children("lessons")) {
                addLesson(lesson, topicId, ++position);
            }
        }

        private void addLesson(YamlNode node, String topicId, int position) {
            String slug = slug(node, "lesson:");
            String lessonId = ContentIds.lesson(slug);
            lessons.add(new LessonEntity(lessonId, topicId, slug, position));
            Map<String, TranslationState> states = states(node);
            Map<String, String> summaries = texts(node, "summary", false);
            Map<String, String> titles = texts(node, "title", true);
            for (String lang : summaries.keySet()) {
                if (!titles.containsKey(lang)) {
                    throw node.fail("summary." + lang, "has no title in the same language");
                }
            }
            titles.forEach((lang, title) -> lessonTranslations.add(new LessonTranslation(
                    ContentIds.translation(lessonId, lang), lessonId, lang, title, summaries.get(lang), stateOf(states, lang))));
            int sectionPosition = 0;
            for (YamlNode section : node.children("sections")) {
                addSection(section, slug, lessonId, ++sectionPosition, states);
            }
        }

        private void addSection(YamlNode node, String lessonSlug, String lessonId, int position,
                                Map<String, TranslationState> states) {
            String sectionId = ContentIds.section(lessonSlug, position);
            sections.add(new SectionEntity(sectionId, lessonId, position));
            Map<String, String> headings = texts(node, "heading", false);
            Map<String, String> bodies = texts(node, "body", true);
            for (String lang : headings.keySet()) {
                if (!bodies.containsKey(lang)) {
                    throw node.fail("heading." + lang, "has no body in the same language");
                }
            }
            bodies.forEach((lang, body) -> sectionTranslations.add(new SectionTranslation(
                    ContentIds.translation(sectionId, lang), sectionId, lang, headings.get(lang), body, stateOf(states, lang))));
        }

        private String slug(YamlNode node, String kind) {
            String slug = node.text("slug");
            if (!SLUG.matcher(slug).matches()) {
                throw node.fail("slug", "must be lowercase letters, digits and single dashes");
            }
            if (!slugs.add(kind + slug)) {
                throw node.fail("slug", "'" + slug + "' is used twice");
            }
            return slug;
        }

        /** Texts per language; every language must be known, and Dutch present when any text is. */
        private Map<String, String> texts(YamlNode node, String key, boolean required) {
            Map<String, String> texts = node.textMap(key);
            for (String lang : texts.keySet()) {
                if (!knownLanguages.contains(lang)) {
                    throw node.fail(key + "." + lang, "is not a language Welkom offers");
                }
            }
            if ((required || !texts.isEmpty()) && !texts.containsKey(SOURCE)) {
                throw node.fail(key + "." + SOURCE, "is required: Dutch is the source language");
            }
            return texts;
        }

        private Map<String, TranslationState> states(YamlNode node) {
            Map<String, String> declared = node.textMap("states");
            Map<String, TranslationState> states = new java.util.HashMap<>();
            for (Map.Entry<String, String> entry : declared.entrySet()) {
                TranslationState state;
                try {
                    state = TranslationState.valueOf(entry.getValue());
                } catch (IllegalArgumentException e) {
                    throw node.fail("states." + entry.getKey(), "must be UP_TO_DATE, OUTDATED or MACHINE_DRAFTED");
                }
                if (state == TranslationState.MISSING) {
                    throw node.fail("states." + entry.getKey(), "MISSING is computed, not declared");
                }
                states.put(entry.getKey(), state);
            }
            return states;
        }

        private static TranslationState stateOf(Map<String, TranslationState> states, String lang) {
            return SOURCE.equals(lang) ? TranslationState.UP_TO_DATE : states.getOrDefault(lang, TranslationState.UP_TO_DATE);
        }
    }
}
