package nl.welkom.editor;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import nl.welkom.auth.Caller;
import nl.welkom.content.ContentSearch;
import nl.welkom.dashboard.Pages;
import nl.welkom.dashboard.Dashboard;
import nl.welkom.dashboard.Viewer;
import nl.welkom.editor.EditorModel.EditorLesson;
import nl.welkom.editor.EditorModel.LanguageVersion;
import nl.welkom.editor.EditorModel.LessonStates;
import nl.welkom.editor.EditorModel.Revision;
import nl.welkom.editor.EditorModel.RevisionStatus;
import nl.welkom.editor.EditorModel.SaveRevision;
import nl.welkom.editor.EditorModel.SectionText;
import nl.welkom.model.content.Language;
import nl.welkom.problem.ProblemException;

/**
 * The editors' dashboard pages: the translation status overview ({@code /dashboard/content}) with
 * counts per language, a per-lesson table for one language, "was this helpful?" votes and the top
 * failed searches; and a simple edit form per lesson and language (save as draft or publish).
 * EDITOR only; everyone else signed in gets the 403 page.
 */
@Hidden
@Controller("/dashboard/content")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ContentPagesController {
    private final Dashboard dashboard;
    private final ContentEditing editing;
    private final LessonRevisions revisions;
    private final ContentSearch search;
    private final Pages pages;

    private final UiStrings uiStrings;

    ContentPagesController(Dashboard dashboard, ContentEditing editing, LessonRevisions revisions,
                           ContentSearch search, Pages pages, UiStrings uiStrings) {
        this.uiStrings = uiStrings;
        this.dashboard = dashboard;
        this.editing = editing;
        this.revisions = revisions;
        this.search = search;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> overview(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String lang) {
        Viewer viewer = dashboard.editor(authentication, request);
        String chosen = lang != null && editing.languageCodes().contains(lang) && !lang.equals("nl") ? lang : "ar";
        List<LessonStates> overview = editing.overview();
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("languageNames", languageNames(viewer));
        model.put("counts", editing.counts(overview));
        model.put("uiStrings", uiStrings.counts());
        model.put("lang", chosen);
        model.put("lessons", overview);
        model.put("failed", search.topFailed(Caller.of(authentication).municipalityId(), 10));
        return pages.ok("dashboard/content", model, request);
    }

    @Get("/lessons/{id}/{lang}")
    HttpResponse<?> edit(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @PathVariable String lang) {
        Viewer viewer = dashboard.editor(authentication, request);
        editing.checkLanguage(lang);
        EditorLesson lesson = editing.lesson(id);
        Revision shown = version(lesson, lang).latest();
        Map<String, String> values = new HashMap<>();
        if (shown != null) {
            values.put("title", shown.title());
            values.put("summary", shown.summary());
            for (SectionText section : shown.sections()) {
                values.put("heading-" + section.sectionId(), section.heading());
                values.put("body-" + section.sectionId(), section.body());
            }
        }
        return editPage(HttpStatus.OK, viewer, lesson, lang, values, List.of(), request);
    }

    /**
     * Saves the form as a new DRAFT revision and, with {@code action=publish}, publishes it (303).
     * A text that is missing or too long shows the form again (400) with what was typed and each
     * problem next to its field.
     */
    @Post(value = "/lessons/{id}/{lang}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Authentication authentication, @PathVariable String id, @PathVariable String lang,
                         @Body Map<String, String> form) {
        Viewer viewer = dashboard.editor(authentication, request);
        editing.checkLanguage(lang);
        List<SectionText> sections = new ArrayList<>();
        for (String sectionId : revisions.sectionIds(id)) {
            sections.add(new SectionText(sectionId, form.get("heading-" + sectionId), form.getOrDefault("body-" + sectionId, "")));
        }
        SaveRevision command = new SaveRevision(form.getOrDefault("title", ""), form.get("summary"), sections,
                form.containsKey("machineDrafted"), form.containsKey("minorEdit"), null);
        List<FieldProblem> problems = editing.problems(id, command);
        if (!problems.isEmpty()) {
            return editPage(HttpStatus.BAD_REQUEST, viewer, editing.lesson(id), lang, form, problems, request);
        }
        Revision saved = editing.save(id, lang, command, viewer.caller().userId());
        if ("publish".equals(form.get("action"))) {
            revisions.moveTo(saved.id(), RevisionStatus.PUBLISHED, viewer.caller().userId());
        }
        URI back = UriBuilder.of("/dashboard/content").queryParam("lang", lang.equals("nl") ? "ar" : lang)
                .fragment("lesson-" + id).build();
        return HttpResponse.seeOther(back);
    }

    /** The edit form of {@code lesson} in {@code lang}, filled with {@code values} (by field name). */
    private HttpResponse<?> editPage(HttpStatus status, Viewer viewer, EditorLesson lesson, String lang,
                                     Map<String, String> values, List<FieldProblem> problems, HttpRequest<?> request) {
        LanguageVersion version = version(lesson, lang);
        LanguageVersion source = version(lesson, "nl");
        List<Map<String, Object>> sections = new ArrayList<>();
        int position = 0;
        for (String sectionId : lesson.sectionIds()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", sectionId);
            row.put("position", ++position);
            row.put("source", text(source.published(), sectionId));
            sections.add(row);
        }
        Map<String, FieldProblem> byField = new LinkedHashMap<>();
        problems.forEach(problem -> byField.putIfAbsent(problem.field(), problem));
        List<Map<String, Object>> history = new ArrayList<>();
        for (Revision revision : editing.history(lesson.lessonId(), lang)) {
            Map<String, Object> row = new HashMap<>();
            row.put("revision", revision);
            // Text imported before revisions existed carries the epoch as its time: say so instead of a date in 1970.
            row.put("when", Instant.parse(revision.createdAt()).equals(Instant.EPOCH) ? null
                    : viewer.display().dateTime(revision.createdAt()));
            history.add(row);
        }
        Map<String, Object> model = Dashboard.model(viewer);
        model.put("lesson", lesson);
        model.put("lang", lang);
        model.put("languageName", languageNames(viewer).getOrDefault(lang, lang));
        model.put("source", lang.equals("nl"));
        model.put("version", version);
        model.put("shown", version.latest());
        model.put("dutch", source.published());
        model.put("sections", sections);
        model.put("values", values);
        model.put("problems", List.copyOf(byField.values()));
        model.put("errors", byField);
        model.put("history", history);
        return pages.render(status, "dashboard/content-edit", model, request);
    }

    /** Every offered language's name in the viewer's language; the stored English name where Java has none. */
    private Map<String, String> languageNames(Viewer viewer) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Language language : editing.languages()) {
            String name = viewer.display().language(language.code());
            names.put(language.code(), name.equals(language.code()) ? language.name() : name);
        }
        return names;
    }

    @Error(exception = ProblemException.class)
    HttpResponse<?> problem(HttpRequest<?> request, ProblemException exception) {
        return pages.problem(request, exception);
    }


    private static LanguageVersion version(EditorLesson lesson, String lang) {
        return lesson.languages().stream().filter(v -> v.lang().equals(lang)).findFirst().orElseThrow();
    }

    private static @Nullable SectionText text(@Nullable Revision revision, String sectionId) {
        if (revision == null) {
            return null;
        }
        return revision.sections().stream().filter(s -> s.sectionId().equals(sectionId)).findFirst().orElse(null);
    }
}
