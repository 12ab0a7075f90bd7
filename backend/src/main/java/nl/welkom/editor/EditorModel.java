package nl.welkom.editor;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.model.content.TranslationState;

/**
 * The editor API's wire types. Backend-only (like {@code BuddyInfo}): only editors' tools use them,
 * so they stay out of {@code shared-model}.
 */
public final class EditorModel {
    private EditorModel() {
    }

    /** Where a revision is in the workflow; it only moves forward. */
    public enum RevisionStatus {
        DRAFT, IN_REVIEW, PUBLISHED;

        /** DRAFT → IN_REVIEW, DRAFT or IN_REVIEW → PUBLISHED; nothing else. */
        public boolean canMoveTo(RevisionStatus target) {
            return target.ordinal() > ordinal();
        }
    }

    /** The text of one section in a revision. */
    @Serdeable
    public record SectionText(String sectionId, @Nullable String heading, String body) {
    }

    /**
     * One revision of a lesson in one language. Text, author and flags never change; status moves
     * forward with who published it and when.
     *
     * @param sourceRevisionId for a translation: the Dutch revision it was made from
     * @param createdAt        ISO instant; the epoch for text imported before revisions existed
     */
    @Serdeable
    public record Revision(String id, String lessonId, String lang, int number, String title, @Nullable String summary,
                    List<SectionText> sections, RevisionStatus status, boolean machineDrafted, boolean minorEdit,
                    @Nullable String sourceRevisionId, @Nullable String authorId, String createdAt,
                    @Nullable String publishedBy, @Nullable String publishedAt) {
        Revision withSections(List<SectionText> texts) {
            return new Revision(id, lessonId, lang, number, title, summary, List.copyOf(texts), status, machineDrafted,
                    minorEdit, sourceRevisionId, authorId, createdAt, publishedBy, publishedAt);
        }
    }

    /**
     * A new revision to save as DRAFT.
     *
     * @param minorEdit        Dutch only: a typo fix that does not make translations outdated
     * @param machineDrafted   the text was drafted by a machine and not reviewed by a person
     * @param sourceRevisionId translations: the Dutch revision translated; default the published one
     */
    @Serdeable
    public record SaveRevision(String title, @Nullable String summary, @Nullable List<SectionText> sections,
                        boolean machineDrafted, boolean minorEdit, @Nullable String sourceRevisionId) {
    }

    /** A lesson in one language: its state, the revision readers see and the newest revision. */
    @Serdeable
    public record LanguageVersion(String lang, TranslationState state, @Nullable Revision published,
                           @Nullable Revision latest) {
    }

    /** A lesson with all offered languages. */
    @Serdeable
    public record EditorLesson(String lessonId, String slug, String topicSlug, List<String> sectionIds,
                        List<LanguageVersion> languages) {
    }

    /** A row of the status overview: a lesson's state per language and its "was this helpful?" votes. */
    @Serdeable
    public record LessonStates(String lessonId, String slug, String topicSlug, String title,
                        Map<String, TranslationState> states, long helpful, long notHelpful) {
    }

    /** How many lessons are in each state for one language. */
    @Serdeable
    public record LanguageCounts(String lang, String name, int upToDate, int outdated, int machineDrafted, int missing) {
    }

    /**
     * The companion's own words in one language: of {@code total} strings, how many a person reviewed,
     * a machine drafted ({@code fuzzy}) or are missing (the reader sees the English source there), and
     * how many entries of the file could not be read.
     */
    @Serdeable
    public record UiStringCounts(String lang, String nativeName, int total, int translated, int machineDrafted,
                                 int missing, int unreadable) {
    }

    /** A search that found nothing, and how often it was made. */
    @Serdeable
    public record FailedSearch(String query, String lang, long count) {
    }

    /** What an XLIFF import did, per lesson (one {@code <file>} per lesson). */
    @Serdeable
    public record ImportReport(String lang, List<Imported> imported, List<Stale> stale, List<Rejected> rejected) {
    }

    @Serdeable
    public record Imported(String lessonId, String revisionId) {
    }

    /** Not written: the file was made against revisions that are no longer current. */
    @Serdeable
    public record Stale(String lessonId, String baseSourceRevisionId, @Nullable String currentSourceRevisionId,
                 @Nullable String baseTargetRevisionId, @Nullable String currentTargetRevisionId) {
    }

    @Serdeable
    public record Rejected(String fileId, String reason) {
    }
}
