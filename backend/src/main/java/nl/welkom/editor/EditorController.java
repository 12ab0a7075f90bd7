package nl.welkom.editor;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import nl.welkom.auth.Caller;
import nl.welkom.content.ContentSearch;
import nl.welkom.editor.EditorModel.EditorLesson;
import nl.welkom.editor.EditorModel.FailedSearch;
import nl.welkom.editor.EditorModel.ImportReport;
import nl.welkom.editor.EditorModel.LanguageCounts;
import nl.welkom.editor.EditorModel.LessonStates;
import nl.welkom.editor.EditorModel.Revision;
import nl.welkom.editor.EditorModel.RevisionStatus;
import nl.welkom.editor.EditorModel.SaveRevision;

/**
 * The editor API (docs/api.md, "Editing content"). EDITOR only: officers, buddies and phones get
 * 403. National content: an editor of any municipality edits it.
 */
@Controller("/api/editor")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("EDITOR")
final class EditorController {
    private final ContentEditing editing;
    private final LessonRevisions revisions;
    private final XliffExchange xliff;
    private final ContentSearch search;

    private final UiStrings uiStrings;

    EditorController(ContentEditing editing, LessonRevisions revisions, XliffExchange xliff, ContentSearch search,
                     UiStrings uiStrings) {
        this.uiStrings = uiStrings;
        this.editing = editing;
        this.revisions = revisions;
        this.xliff = xliff;
        this.search = search;
    }

    @Get("/lessons")
    List<LessonStates> lessons() {
        return editing.overview();
    }

    @Get("/status")
    List<LanguageCounts> status() {
        return editing.counts(editing.overview());
    }

    /** The companion's own words per language: translated, machine-drafted, missing. */
    @Get("/ui-strings")
    List<EditorModel.UiStringCounts> uiStrings() {
        return uiStrings.counts();
    }

    @Get("/lessons/{id}")
    EditorLesson lesson(@PathVariable String id) {
        return editing.lesson(id);
    }

    @Get("/lessons/{id}/revisions/{lang}")
    List<Revision> history(@PathVariable String id, @PathVariable String lang) {
        return editing.history(id, lang);
    }

    @Post("/lessons/{id}/revisions/{lang}")
    HttpResponse<Revision> save(Authentication authentication, @PathVariable String id, @PathVariable String lang,
                                @Body SaveRevision command) {
        return HttpResponse.created(editing.save(id, lang, command, Caller.of(authentication).userId()));
    }

    @Post("/revisions/{id}/submit")
    Revision submit(Authentication authentication, @PathVariable String id) {
        return revisions.moveTo(id, RevisionStatus.IN_REVIEW, Caller.of(authentication).userId());
    }

    @Post("/revisions/{id}/publish")
    Revision publish(Authentication authentication, @PathVariable String id) {
        return revisions.moveTo(id, RevisionStatus.PUBLISHED, Caller.of(authentication).userId());
    }

    @Get("/failed-searches")
    List<FailedSearch> failedSearches(Authentication authentication, @Nullable @QueryValue Integer limit) {
        return search.topFailed(Caller.of(authentication).municipalityId(),
                        limit == null ? 20 : Math.max(1, Math.min(limit, 200))).stream()
                .map(row -> new FailedSearch(row.query(), row.lang(), row.count())).toList();
    }

    @Get(value = "/xliff", produces = XliffExchange.MEDIA_TYPE)
    HttpResponse<String> exportXliff(@QueryValue String lang, @Nullable @QueryValue String scope) {
        boolean all = "all".equals(scope);
        if (scope != null && !all && !"todo".equals(scope)) {
            throw nl.welkom.problem.ProblemException.badRequest("scope is todo or all.");
        }
        return HttpResponse.ok(xliff.export(lang, all))
                .header("Content-Disposition", "attachment; filename=\"welkom-nl-" + lang + ".xlf\"");
    }

    @Post("/xliff")
    @Consumes({XliffExchange.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    ImportReport importXliff(Authentication authentication, @Body String document) {
        return xliff.importDocument(document, Caller.of(authentication).userId());
    }
}
