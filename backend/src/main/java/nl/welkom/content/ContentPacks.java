package nl.welkom.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.config.BoundedCache;
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
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.Section;
import nl.welkom.model.content.Topic;
import nl.welkom.model.content.TranslationState;

/**
 * Builds the content pack for a language chain. Each topic, lesson and section is shown in the
 * first language of the chain that has it; its {@code language} says which, and its
 * {@code state} is the translation's own state when that is the reader's first language, and
 * {@link TranslationState#MISSING} when the text comes from a fallback. The pack's version is a
 * hash of its content, so it changes exactly when what the reader sees changes.
 *
 * <p>Packs are cached per chain until {@link #invalidate()}; whoever writes content calls it. Several
 * backend instances share the database but not this cache: {@code invalidate} also moves the shared
 * generation of the content (table {@code cache_generation}), and every instance compares it at most
 * every {@link #SHARED_CHECK} and drops its packs when another instance moved it (docs/postgresql.md).
 */
@Singleton
public class ContentPacks {
    private static final int MAX_CACHED = 256;
    /** How stale another instance's content change may be here, at most. */
    static final long SHARED_CHECK = 2_000_000_000L;
    private static final String GENERATION = "SELECT generation FROM cache_generation WHERE name = 'content'";

    private final LanguageRepository languages;
    private final TopicRepository topics;
    private final TopicTranslationRepository topicTranslations;
    private final LessonRepository lessons;
    private final LessonTranslationRepository lessonTranslations;
    private final SectionRepository sections;
    private final SectionTranslationRepository sectionTranslations;
    private final JsonMapper json;
    private final TransactionOperations<Connection> transactions;
    private final BoundedCache<List<String>, ContentPack> cache = new BoundedCache<>(MAX_CACHED);
    private volatile Offered offered;
    private volatile long generation = -1;
    private volatile long checkedAt = System.nanoTime() - SHARED_CHECK;
    private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();

    ContentPacks(LanguageRepository languages, TopicRepository topics, TopicTranslationRepository topicTranslations,
                 LessonRepository lessons, LessonTranslationRepository lessonTranslations, SectionRepository sections,
                 SectionTranslationRepository sectionTranslations, JsonMapper json,
                 TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.languages = languages;
        this.topics = topics;
        this.topicTranslations = topicTranslations;
        this.lessons = lessons;
        this.lessonTranslations = lessonTranslations;
        this.sections = sections;
        this.sectionTranslations = sectionTranslations;
        this.json = json;
    }

    /** Every offered language, in display order. */
    @Transactional(readOnly = true)
    public List<Language> languages() {
        return languages.listInOrder().stream().map(LanguageEntity::asModel).toList();
    }

    /**
     * The language chain for a request: {@code lang} parameter first, else {@code Accept-Language}. The
     * chain a {@code lang} names is remembered until the offered languages change: a pull asks it four
     * times (docs/performance.md).
     */
    public List<String> chain(@Nullable String lang, @Nullable String acceptLanguage) {
        Offered known = offered;
        if (known == null) {
            Set<String> read = new LinkedHashSet<>();
            languages().forEach(language -> read.add(language.code()));
            known = new Offered(Set.copyOf(read), new BoundedCache<>(MAX_CACHED));
            offered = known;
        }
        if (acceptLanguage != null || lang == null || lang.length() > Offered.MAX_LANG_LENGTH) {
            return LanguageChain.resolve(lang, acceptLanguage, known.codes());
        }
        Set<String> codes = known.codes();
        return known.chains().get(lang, requested -> LanguageChain.resolve(requested, null, codes));
    }

    /** The offered language codes, and the chains resolved against them by {@code lang}. */
    private record Offered(Set<String> codes, BoundedCache<String, List<String>> chains) {
        static final int MAX_LANG_LENGTH = 64;
    }

    /**
     * The version of the pack for the chain {@code lang} names ({@code ar,en}): what
     * {@code GET /api/content?lang=} answers as its {@code ETag}, and a pull as its
     * {@code contentVersion}. From cache when unchanged, so a pull pays nothing for it.
     */
    public String version(String lang) {
        return pack(chain(lang, null)).version();
    }

    /** The pack for a chain ending in Dutch, from cache when unchanged. */
    public ContentPack pack(List<String> chain) {
        followOtherInstances();
        return cache.get(chain, key -> transactions.executeRead(status -> build(key)));
    }

    /**
     * A number that moves whenever content was written here ({@link #invalidate()}) or on another
     * instance (seen within {@link #SHARED_CHECK}): other caches of content (the places) keep it
     * beside what they hold and drop what was built under an older one.
     */
    public long epoch() {
        followOtherInstances();
        return epoch.get();
    }

    /** Forgets cached packs, here and (within {@link #SHARED_CHECK}) on every other instance; call after any content write. */
    public void invalidate() {
        transactions.executeWrite(status -> {
            try (PreparedStatement bump = status.getConnection().prepareStatement(
                    "UPDATE cache_generation SET generation = generation + 1 WHERE name = 'content'")) {
                return bump.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("Cannot move the content generation", e);
            }
        });
        cache.clear();
        offered = null;
        epoch.incrementAndGet();
    }

    /** Drops the cache when another instance changed the content since the last look (at most every 2 s). */
    private void followOtherInstances() {
        long now = System.nanoTime();
        if (now - checkedAt < SHARED_CHECK) {
            return;
        }
        checkedAt = now;
        long current = transactions.executeRead(status -> {
            try (PreparedStatement read = status.getConnection().prepareStatement(GENERATION);
                 ResultSet row = read.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            } catch (SQLException e) {
                throw new DataAccessException("Cannot read the content generation", e);
            }
        });
        if (current != generation) {
            cache.clear();
            offered = null;
            generation = current;
            epoch.incrementAndGet();
        }
    }

    private ContentPack build(List<String> chain) {
        Map<String, Map<String, TopicTranslation>> topicTexts = byNode(topicTranslations.findAll(),
                TopicTranslation::topicId, TopicTranslation::lang);
        Map<String, Map<String, LessonTranslation>> lessonTexts = byNode(lessonTranslations.findAll(),
                LessonTranslation::lessonId, LessonTranslation::lang);
        Map<String, Map<String, SectionTranslation>> sectionTexts = byNode(sectionTranslations.findAll(),
                SectionTranslation::sectionId, SectionTranslation::lang);
        Map<String, List<LessonEntity>> lessonsByTopic = grouped(lessons.findAll(), LessonEntity::topicId,
                Comparator.comparingInt(LessonEntity::sortOrder));
        Map<String, List<SectionEntity>> sectionsByLesson = grouped(sections.findAll(), SectionEntity::lessonId,
                Comparator.comparingInt(SectionEntity::sortOrder));
        Set<String> used = new LinkedHashSet<>();

        List<Topic> topicList = new ArrayList<>();
        List<TopicEntity> orderedTopics = new ArrayList<>();
        topics.findAll().forEach(orderedTopics::add);
        orderedTopics.sort(Comparator.comparingInt(TopicEntity::sortOrder));
        for (TopicEntity topic : orderedTopics) {
            Resolved<TopicTranslation> title = resolve(topicTexts.get(topic.id()), chain);
            if (title == null) {
                continue;
            }
            used.add(title.lang());
            List<Lesson> lessonList = new ArrayList<>();
            for (LessonEntity lesson : lessonsByTopic.getOrDefault(topic.id(), List.of())) {
                Resolved<LessonTranslation> text = resolve(lessonTexts.get(lesson.id()), chain);
                if (text == null) {
                    continue;
                }
                used.add(text.lang());
                List<Section> sectionList = new ArrayList<>();
                for (SectionEntity section : sectionsByLesson.getOrDefault(lesson.id(), List.of())) {
                    Resolved<SectionTranslation> body = resolve(sectionTexts.get(section.id()), chain);
                    if (body == null) {
                        continue;
                    }
                    used.add(body.lang());
                    sectionList.add(new Section(section.id(), section.sortOrder(), body.lang(), body.row().heading(),
                            body.row().body(), body.state(body.row().state())));
                }
                lessonList.add(new Lesson(lesson.id(), lesson.slug(), lesson.sortOrder(), text.lang(), text.row().title(),
                        text.row().summary(), text.state(text.row().state()), List.copyOf(sectionList)));
            }
            topicList.add(new Topic(topic.id(), topic.slug(), topic.sortOrder(), topic.stage(), title.lang(),
                    title.row().title(), List.copyOf(lessonList)));
        }
        List<Language> directory = languages().stream().filter(language -> used.contains(language.code())).toList();
        ContentPack unversioned = new ContentPack(chain, null, directory, List.copyOf(topicList));
        return new ContentPack(chain, versionOf(unversioned), directory, unversioned.topics());
    }

    private String versionOf(ContentPack pack) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(pack));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The first translation along the chain, or null when the node has none in the chain. */
    private static <T> Resolved<T> resolve(Map<String, T> byLanguage, List<String> chain) {
        if (byLanguage == null) {
            return null;
        }
        for (int i = 0; i < chain.size(); i++) {
            T row = byLanguage.get(chain.get(i));
            if (row != null) {
                return new Resolved<>(row, chain.get(i), i == 0);
            }
        }
        return null;
    }

    private static <T> Map<String, Map<String, T>> byNode(Iterable<T> rows, Function<T, String> node,
                                                          Function<T, String> lang) {
        Map<String, Map<String, T>> map = new HashMap<>();
        rows.forEach(row -> map.computeIfAbsent(node.apply(row), key -> new HashMap<>()).put(lang.apply(row), row));
        return map;
    }

    private static <T> Map<String, List<T>> grouped(Iterable<T> rows, Function<T, String> parent, Comparator<T> order) {
        Map<String, List<T>> map = new HashMap<>();
        rows.forEach(row -> map.computeIfAbsent(parent.apply(row), key -> new ArrayList<>()).add(row));
        map.values().forEach(list -> list.sort(order));
        return map;
    }

    /** A translation chosen for the reader, and whether it is in the reader's first language. */
    private record Resolved<T>(T row, String lang, boolean firstChoice) {
        TranslationState state(TranslationState own) {
            return firstChoice ? own : TranslationState.MISSING;
        }
    }
}
