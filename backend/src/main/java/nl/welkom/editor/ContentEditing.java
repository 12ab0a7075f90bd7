package nl.welkom.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;
import nl.welkom.content.ContentPacks;
import nl.welkom.feedback.Feedback;
import nl.welkom.editor.EditorModel.EditorLesson;
import nl.welkom.editor.EditorModel.LanguageCounts;
import nl.welkom.editor.EditorModel.LanguageVersion;
import nl.welkom.editor.EditorModel.LessonStates;
import nl.welkom.editor.EditorModel.Revision;
import nl.welkom.editor.EditorModel.SaveRevision;
import nl.welkom.editor.EditorModel.SectionText;
import nl.welkom.editor.LessonRevisions.LessonRef;
import nl.welkom.model.content.Language;
import nl.welkom.model.content.TranslationState;
import nl.welkom.problem.ProblemException;

/**
 * What editors do with national content: read a lesson in every language with its states, save a
 * new revision, see the overview. Editors of any municipality edit national content (there is no
 * local content yet); every revision records its author and publisher.
 */
@Singleton
class ContentEditing {
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 1_000;
    static final int MAX_BODY = 20_000;

    private final LessonRevisions revisions;
    private final ContentPacks packs;
    private final Feedback feedback;

    ContentEditing(LessonRevisions revisions, ContentPacks packs, Feedback feedback) {
        this.revisions = revisions;
        this.packs = packs;
        this.feedback = feedback;
    }

    List<String> languageCodes() {
        return packs.languages().stream().map(Language::code).toList();
    }

    List<Language> languages() {
        return packs.languages();
    }

    /** Every lesson with its state per language and its feedback votes. */
    List<LessonStates> overview() {
        Map<String, Map<String, TranslationState>> states = revisions.states(languageCodes());
        Map<String, long[]> votes = feedback.counts();
        List<LessonStates> rows = new ArrayList<>();
        for (LessonRef lesson : revisions.lessons()) {
            long[] count = votes.getOrDefault(lesson.id(), new long[2]);
            rows.add(new LessonStates(lesson.id(), lesson.slug(), lesson.topicSlug(), lesson.title(),
                    states.get(lesson.id()), count[0], count[1]));
        }
        return rows;
    }

    /** Per language, how many lessons are in each state. */
    List<LanguageCounts> counts(List<LessonStates> overview) {
        List<LanguageCounts> counts = new ArrayList<>();
        for (Language language : languages()) {
            int[] n = new int[TranslationState.values().length];
            overview.forEach(row -> n[row.states().get(language.code()).ordinal()]++);
            counts.add(new LanguageCounts(language.code(), language.name(), n[TranslationState.UP_TO_DATE.ordinal()],
                    n[TranslationState.OUTDATED.ordinal()], n[TranslationState.MACHINE_DRAFTED.ordinal()],
                    n[TranslationState.MISSING.ordinal()]));
        }
        return counts;
    }

    EditorLesson lesson(String lessonId) {
        LessonRef lesson = revisions.lesson(lessonId).orElseThrow(ProblemException::notFound);
        List<Revision> all = revisions.ofLesson(lessonId);
        List<LanguageVersion> versions = new ArrayList<>();
        for (String lang : languageCodes()) {
            versions.add(new LanguageVersion(lang, TranslationStates.of(all, lang),
                    TranslationStates.published(all, lang).map(revisions::withSections).orElse(null),
                    TranslationStates.latest(all, lang).map(revisions::withSections).orElse(null)));
        }
        return new EditorLesson(lesson.id(), lesson.slug(), lesson.topicSlug(), revisions.sectionIds(lessonId), versions);
    }

    /** The history of one lesson in one language, newest first. */
    List<Revision> history(String lessonId, String lang) {
        revisions.lesson(lessonId).orElseThrow(ProblemException::notFound);
        checkLanguage(lang);
        List<Revision> history = new ArrayList<>();
        revisions.ofLesson(lessonId).stream().filter(revision -> revision.lang().equals(lang))
                .forEach(revision -> history.add(0, revisions.withSections(revision)));
        return history;
    }

    /**
     * Saves a new DRAFT revision.
     *
     * @throws ProblemException 404 for an unknown lesson or language, 400 for invalid text
     */
    Revision save(String lessonId, String lang, SaveRevision command, String authorId) {
        revisions.lesson(lessonId).orElseThrow(ProblemException::notFound);
        checkLanguage(lang);
        List<SectionText> sections = validSections(lessonId, command.sections());
        List<FieldProblem> problems = problems(lessonId, command);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(problems.get(0).detail());
        }
        boolean source = lang.equals(TranslationStates.SOURCE);
        String sourceRevisionId = null;
        if (!source) {
            List<Revision> all = revisions.ofLesson(lessonId);
            sourceRevisionId = command.sourceRevisionId() != null ? command.sourceRevisionId()
                    : TranslationStates.published(all, TranslationStates.SOURCE).map(Revision::id).orElse(null);
            String wanted = sourceRevisionId;
            if (wanted == null || all.stream().noneMatch(r -> r.id().equals(wanted) && r.lang().equals(TranslationStates.SOURCE))) {
                throw ProblemException.badRequest("sourceRevisionId must name a Dutch revision of this lesson.");
            }
        } else if (command.machineDrafted()) {
            throw ProblemException.badRequest("Dutch is the source: it cannot be machine-drafted.");
        }
        return revisions.append(lessonId, lang, command.title().trim(), blankToNull(command.summary()), sections,
                command.machineDrafted(), source && command.minorEdit(), sourceRevisionId, authorId, null, null)
                .orElseThrow();
    }

    List<SectionText> validSections(String lessonId, List<SectionText> sections) {
        Set<String> known = new HashSet<>(revisions.sectionIds(lessonId));
        Set<String> seen = new HashSet<>();
        List<SectionText> valid = new ArrayList<>();
        for (SectionText section : sections == null ? List.<SectionText>of() : sections) {
            if (section == null || section.sectionId() == null || !known.contains(section.sectionId())) {
                throw ProblemException.badRequest("Every section must name a section of this lesson.");
            }
            if (!seen.add(section.sectionId())) {
                throw ProblemException.badRequest("A section appears twice.");
            }
            List<FieldProblem> problems = new ArrayList<>();
            check(problems, section.sectionId(), null, "heading", section.heading(), MAX_TITLE, false);
            check(problems, section.sectionId(), null, "body", section.body(), MAX_BODY, false);
            if (!problems.isEmpty()) {
                throw ProblemException.badRequest(problems.get(0).detail());
            }
            if (section.body() == null || section.body().isBlank()) {
                continue;
            }
            valid.add(new SectionText(section.sectionId(), blankToNull(section.heading()), section.body()));
        }
        return valid;
    }

    void checkLanguage(String lang) {
        if (!languageCodes().contains(lang)) {
            throw ProblemException.notFound();
        }
    }

    /**
     * What is wrong with the texts of a new revision, in the order of the edit form: a missing
     * title, or a title, summary, section heading or section body that is too long. Empty when the
     * texts may be saved. Sections that name no section of the lesson are left to {@link #save}.
     */
    List<FieldProblem> problems(String lessonId, SaveRevision command) {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, null, null, "title", command.title(), MAX_TITLE, true);
        check(problems, null, null, "summary", command.summary(), MAX_SUMMARY, false);
        List<String> order = revisions.sectionIds(lessonId);
        for (SectionText section : command.sections() == null ? List.<SectionText>of() : command.sections()) {
            int position = section == null ? -1 : order.indexOf(section.sectionId());
            if (position >= 0) {
                check(problems, section.sectionId(), position + 1, "heading", section.heading(), MAX_TITLE, false);
                check(problems, section.sectionId(), position + 1, "body", section.body(), MAX_BODY, false);
            }
        }
        return problems;
    }

    private static void check(List<FieldProblem> problems, String sectionId, Integer position, String kind,
                              String value, int max, boolean required) {
        String field = sectionId == null ? kind : kind + "-" + sectionId;
        if (required && (value == null || value.isBlank())) {
            problems.add(new FieldProblem(field, kind, position, true, max, 0));
        } else if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, kind, position, false, max, value.length()));
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
