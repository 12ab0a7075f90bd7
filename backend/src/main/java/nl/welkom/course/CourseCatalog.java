package nl.welkom.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.welkom.config.BoundedCache;
import nl.welkom.config.ResourceFiles;
import nl.welkom.config.YamlNode;
import nl.welkom.content.ContentPacks;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.Topic;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.QuizQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled course, read once from its YAML file, and its resolution for a reader's language
 * chain: every text in the first language of the chain that has it, then Dutch; state
 * {@link TranslationState#MISSING} when the text comes from a fallback. Lesson titles come from
 * the content pack of the same chain. The version is a hash of the resolved course, so it changes
 * exactly when what the reader sees changes. A course lesson whose orientation lesson is not in
 * the content is left out (and logged), never half-shown.
 */
@Singleton
public class CourseCatalog implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(CourseCatalog.class);
    private static final int MAX_CACHED = 256;

    private final CourseProperties properties;
    private final ContentPacks packs;
    private final JsonMapper json;
    private final BoundedCache<String, Course> cache = new BoundedCache<>(MAX_CACHED);
    private volatile Optional<CourseDefinition> definition;

    CourseCatalog(CourseProperties properties, ContentPacks packs, JsonMapper json) {
        this.properties = properties;
        this.packs = packs;
        this.json = json;
    }

    /** The course definition, read on first use; empty when no course file is bundled. */
    Optional<CourseDefinition> definition() {
        Optional<CourseDefinition> read = definition;
        if (read == null) {
            read = ResourceFiles.find(properties.location()).map(file -> CourseDefinition.parse(YamlNode.read(file)));
            if (read.isEmpty()) {
                LOG.warn("No course found at {}", properties.location());
            }
            definition = read;
        }
        return read;
    }

    /** Reads the file on start, so that a malformed one stops the start with the file and field named. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        definition();
    }

    /** The chain for a request: {@code lang} first, else {@code Accept-Language}; always ends in Dutch. */
    public List<String> chain(@Nullable String lang, @Nullable String acceptLanguage) {
        return packs.chain(lang, acceptLanguage);
    }

    /** The course resolved for {@code chain}, or empty when there is no course. */
    public Optional<Course> course(List<String> chain) {
        Optional<CourseDefinition> course = definition();
        if (course.isEmpty()) {
            return Optional.empty();
        }
        ContentPack pack = packs.pack(chain);
        String key = String.join(",", chain) + "|" + pack.version();
        return Optional.of(cache.get(key, ignored -> resolve(course.get(), chain, pack)));
    }

    /** The course version for {@code lang} ({@code ar,en}), or empty when there is no course. */
    public Optional<String> version(String lang) {
        return course(chain(lang, null)).map(Course::version);
    }

    private Course resolve(CourseDefinition course, List<String> chain, ContentPack pack) {
        Map<String, Lesson> lessonsBySlug = new HashMap<>();
        for (Topic topic : pack.topics()) {
            topic.lessons().forEach(lesson -> lessonsBySlug.put(lesson.slug(), lesson));
        }
        List<CourseLesson> lessons = new ArrayList<>();
        int position = 0;
        for (CourseDefinition.LessonDef lesson : course.lessons()) {
            Lesson reading = lessonsBySlug.get(lesson.slug());
            if (reading == null) {
                LOG.warn("Course {} names lesson '{}', which is not in the content; left out", course.slug(), lesson.slug());
                continue;
            }
            List<QuizQuestion> quiz = new ArrayList<>();
            for (CourseDefinition.QuestionDef question : lesson.quiz()) {
                String lang = firstCommon(chain, question);
                List<String> options = new ArrayList<>();
                question.options().forEach(option -> options.add(option.get(lang)));
                quiz.add(new QuizQuestion(question.slug(), lang, question.question().get(lang), List.copyOf(options),
                        question.correct(), question.explanation().get(lang), state(course, chain, lang)));
            }
            lessons.add(new CourseLesson(reading.id(), lesson.slug(), ++position, reading.language(), reading.title(),
                    reading.state(), List.copyOf(quiz)));
        }
        String titleLang = CourseDefinition.SOURCE;
        for (String lang : chain) {
            if (course.title().containsKey(lang)
                    && (course.description().isEmpty() || course.description().containsKey(lang))) {
                titleLang = lang;
                break;
            }
        }
        String description = course.description().get(titleLang);
        Course unversioned = new Course(course.id(), course.slug(), chain, null, titleLang, course.title().get(titleLang),
                description, state(course, chain, titleLang), List.copyOf(lessons));
        return new Course(course.id(), course.slug(), chain, hash(unversioned), titleLang, unversioned.title(),
                description, unversioned.state(), unversioned.lessons());
    }

    /** The first language of the chain in which question, every option and explanation exist (Dutch always does). */
    private static String firstCommon(List<String> chain, CourseDefinition.QuestionDef question) {
        for (String lang : chain) {
            boolean complete = question.question().containsKey(lang) && question.explanation().containsKey(lang)
                    && question.options().stream().allMatch(option -> option.containsKey(lang));
            if (complete) {
                return lang;
            }
        }
        return CourseDefinition.SOURCE;
    }

    static String first(List<String> chain, Map<String, String> texts) {
        for (String lang : chain) {
            if (texts.containsKey(lang)) {
                return lang;
            }
        }
        return CourseDefinition.SOURCE;
    }

    private static TranslationState state(CourseDefinition course, List<String> chain, String lang) {
        return lang.equals(chain.get(0)) ? course.stateOf(lang) : TranslationState.MISSING;
    }

    private String hash(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(value));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
