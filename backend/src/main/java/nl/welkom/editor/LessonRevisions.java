package nl.welkom.editor;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.content.ContentPacks;
import nl.welkom.editor.EditorModel.Revision;
import nl.welkom.editor.EditorModel.RevisionStatus;
import nl.welkom.editor.EditorModel.SectionText;
import nl.welkom.model.content.TranslationState;
import nl.welkom.problem.ProblemException;

/**
 * The lesson revisions: the only door to {@code lesson_revision} and the only writer of the
 * reader-facing projection ({@code lesson_translation}, {@code section_translation}) after the
 * initial import. Revisions are appended, never rewritten; publishing one projects it and
 * recomputes the states of every language of its lesson in the same transaction, then drops
 * the cached content packs (their ETags move with what readers see).
 */
@Singleton
class LessonRevisions {
    private final TransactionOperations<Connection> transactions;
    private final ContentPacks packs;
    private final Clock clock;

    LessonRevisions(TransactionOperations<Connection> transactions, ContentPacks packs, Clock clock) {
        this.transactions = transactions;
        this.packs = packs;
        this.clock = clock;
    }

    /** A lesson node with its topic and Dutch title. */
    record LessonRef(String id, String slug, String topicSlug, String title) {
    }

    List<LessonRef> lessons() {
        return transactions.executeRead(status -> Sql.query(status.getConnection(), """
                SELECT l.id, l.slug, t.slug, COALESCE(lt.title, l.slug) FROM lesson l
                JOIN topic t ON t.id = l.topic_id
                LEFT JOIN lesson_translation lt ON lt.lesson_id = l.id AND lt.lang = 'nl'
                ORDER BY t.sort_order, l.sort_order""",
                rows -> new LessonRef(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4))));
    }

    Optional<LessonRef> lesson(String lessonId) {
        return lessons().stream().filter(lesson -> lesson.id().equals(lessonId)).findFirst();
    }

    List<String> sectionIds(String lessonId) {
        return transactions.executeRead(status -> Sql.query(status.getConnection(),
                "SELECT id FROM section WHERE lesson_id = ? ORDER BY sort_order", rows -> rows.getString(1), lessonId));
    }

    /** Every revision of every lesson, without section texts, grouped by lesson. */
    Map<String, List<Revision>> allByLesson() {
        Map<String, List<Revision>> map = new HashMap<>();
        transactions.executeRead(status -> Sql.query(status.getConnection(), SELECT_REVISION, LessonRevisions::revision))
                .forEach(revision -> map.computeIfAbsent(revision.lessonId(), key -> new ArrayList<>()).add(revision));
        return map;
    }

    /** The revisions of one lesson (all languages), without section texts, oldest first. */
    List<Revision> ofLesson(String lessonId) {
        return transactions.executeRead(status -> revisionsOf(status.getConnection(), lessonId));
    }

    /** One revision with its sections. */
    Optional<Revision> find(String revisionId) {
        return transactions.executeRead(status -> {
            List<Revision> found = Sql.query(status.getConnection(), SELECT_REVISION + " WHERE id = ?",
                    LessonRevisions::revision, revisionId);
            return found.stream().findFirst().map(revision -> revision.withSections(sections(status.getConnection(), revision.id())));
        });
    }

    /** The revision with its sections. */
    Revision withSections(Revision revision) {
        return transactions.executeRead(status -> revision.withSections(sections(status.getConnection(), revision.id())));
    }

    /**
     * Appends a DRAFT revision, numbered after the newest of its lesson and language.
     *
     * @param expectedLatestId when not null, written only if the newest revision (any status) of the
     *                         language is still this one ({@code ""} = none): the base check of an import
     * @return the new revision, or empty when {@code expectedLatestId} is no longer the newest
     */
    Optional<Revision> append(String lessonId, String lang, String title, @Nullable String summary,
                              List<SectionText> sections, boolean machineDrafted, boolean minorEdit,
                              @Nullable String sourceRevisionId, @Nullable String authorId,
                              @Nullable String expectedLatestId, @Nullable String expectedSourceId) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<Revision> existing = revisionsOf(connection, lessonId);
            Optional<Revision> latest = TranslationStates.latest(existing, lang);
            if (expectedLatestId != null && !expectedLatestId.equals(latest.map(Revision::id).orElse(""))) {
                return Optional.empty();
            }
            if (expectedSourceId != null && !expectedSourceId.equals(
                    TranslationStates.published(existing, TranslationStates.SOURCE).map(Revision::id).orElse(""))) {
                return Optional.empty();
            }
            int number = latest.map(Revision::number).orElse(0) + 1;
            String id = UUID.randomUUID().toString();
            long now = clock.millis();
            Sql.update(connection, """
                    INSERT INTO lesson_revision (id, lesson_id, lang, number, title, summary, status, machine_drafted,
                        minor_edit, source_revision_id, author_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?)""",
                    id, lessonId, lang, number, title, summary, machineDrafted, minorEdit, sourceRevisionId, authorId, now);
            for (SectionText section : sections) {
                Sql.update(connection, "INSERT INTO lesson_revision_section (revision_id, section_id, heading, body) VALUES (?, ?, ?, ?)",
                        id, section.sectionId(), section.heading(), section.body());
            }
            return Optional.of(new Revision(id, lessonId, lang, number, title, summary, List.copyOf(sections),
                    RevisionStatus.DRAFT, machineDrafted, minorEdit, sourceRevisionId, authorId,
                    Instant.ofEpochMilli(now).toString(), null, null));
        });
    }

    /**
     * Moves a revision forward in the workflow, recording who did it.
     *
     * @throws ProblemException 404 for an unknown revision, 409 {@code invalid-transition} otherwise
     */
    Revision moveTo(String revisionId, RevisionStatus target, String userId) {
        Revision moved = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Revision revision = Sql.query(connection, SELECT_REVISION + " WHERE id = ?", LessonRevisions::revision, revisionId)
                    .stream().findFirst().orElseThrow(ProblemException::notFound);
            if (!revision.status().canMoveTo(target)) {
                throw new ProblemException(HttpStatus.CONFLICT, "invalid-transition", "Invalid transition",
                        "A " + revision.status() + " revision cannot become " + target + ".");
            }
            long now = clock.millis();
            if (target == RevisionStatus.IN_REVIEW) {
                Sql.update(connection, "UPDATE lesson_revision SET status = 'IN_REVIEW', submitted_by = ?, submitted_at = ? WHERE id = ?",
                        userId, now, revisionId);
            } else {
                Sql.update(connection, "UPDATE lesson_revision SET status = 'PUBLISHED', published_by = ?, published_at = ? WHERE id = ?",
                        userId, now, revisionId);
                project(connection, revision.lessonId());
            }
            return Sql.query(connection, SELECT_REVISION + " WHERE id = ?", LessonRevisions::revision, revisionId).get(0)
                    .withSections(sections(connection, revisionId));
        });
        if (target == RevisionStatus.PUBLISHED) {
            packs.invalidate();
        }
        return moved;
    }

    /**
     * Writes what readers see of one lesson: per language its published revision's text and state.
     * Languages whose published revision did not change keep their text; their state is recomputed
     * (a Dutch edit outdates them).
     */
    private void project(Connection connection, String lessonId) {
        List<Revision> revisions = revisionsOf(connection, lessonId);
        Set<String> langs = new LinkedHashSet<>();
        revisions.forEach(revision -> langs.add(revision.lang()));
        List<String> sectionIds = Sql.query(connection, "SELECT id FROM section WHERE lesson_id = ?", rows -> rows.getString(1), lessonId);
        for (String lang : langs) {
            Optional<Revision> published = TranslationStates.published(revisions, lang);
            if (published.isEmpty()) {
                continue;
            }
            Revision revision = published.get();
            String state = TranslationStates.of(revisions, lang).name();
            Sql.update(connection, "DELETE FROM lesson_translation WHERE lesson_id = ? AND lang = ?", lessonId, lang);
            Sql.update(connection, "INSERT INTO lesson_translation (id, lesson_id, lang, title, summary, state) VALUES (?, ?, ?, ?, ?, ?)",
                    translationId(lessonId, lang), lessonId, lang, revision.title(), revision.summary(), state);
            for (String sectionId : sectionIds) {
                Sql.update(connection, "DELETE FROM section_translation WHERE section_id = ? AND lang = ?", sectionId, lang);
            }
            for (SectionText text : sections(connection, revision.id())) {
                Sql.update(connection, "INSERT INTO section_translation (id, section_id, lang, heading, body, state) VALUES (?, ?, ?, ?, ?, ?)",
                        translationId(text.sectionId(), lang), text.sectionId(), lang, text.heading(), text.body(), state);
            }
        }
    }

    /** The same id the content loader gives a translation row (docs/content-format.md). */
    private static String translationId(String nodeId, String lang) {
        return UUID.nameUUIDFromBytes(("translation:" + nodeId + ":" + lang).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The state of every language of every lesson: lesson id → language → state. */
    Map<String, Map<String, TranslationState>> states(List<String> langs) {
        Map<String, List<Revision>> byLesson = allByLesson();
        Map<String, Map<String, TranslationState>> states = new HashMap<>();
        for (LessonRef lesson : lessons()) {
            List<Revision> revisions = byLesson.getOrDefault(lesson.id(), List.of());
            Map<String, TranslationState> perLang = new java.util.LinkedHashMap<>();
            for (String lang : langs) {
                perLang.put(lang, TranslationStates.of(revisions, lang));
            }
            states.put(lesson.id(), perLang);
        }
        return states;
    }

    private static final String SELECT_REVISION = """
            SELECT id, lesson_id, lang, number, title, summary, status, machine_drafted, minor_edit,
                   source_revision_id, author_id, created_at, published_by, published_at FROM lesson_revision""";

    private static List<Revision> revisionsOf(Connection connection, String lessonId) {
        return Sql.query(connection, SELECT_REVISION + " WHERE lesson_id = ? ORDER BY lang, number",
                LessonRevisions::revision, lessonId);
    }

    private static List<SectionText> sections(Connection connection, String revisionId) {
        return Sql.query(connection, """
                SELECT rs.section_id, rs.heading, rs.body FROM lesson_revision_section rs
                JOIN section s ON s.id = rs.section_id WHERE rs.revision_id = ? ORDER BY s.sort_order""",
                rows -> new SectionText(rows.getString(1), rows.getString(2), rows.getString(3)), revisionId);
    }

    private static Revision revision(ResultSet rows) throws SQLException {
        long publishedAt = rows.getLong(14);
        boolean published = !rows.wasNull();
        return new Revision(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getString(5),
                rows.getString(6), List.of(), RevisionStatus.valueOf(rows.getString(7)), rows.getBoolean(8),
                rows.getBoolean(9), rows.getString(10), rows.getString(11),
                Instant.ofEpochMilli(rows.getLong(12)).toString(), rows.getString(13),
                published ? Instant.ofEpochMilli(publishedAt).toString() : null);
    }
}
