package nl.welkom.casefile;

import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.model.Problem;
import nl.welkom.problem.Problems;

/**
 * {@code POST /api/households/import?mode=all|valid} with a CSV body ({@code text/csv}; docs/households.md):
 * 200 with the {@link ImportReport} when the file was imported (mode {@code valid}: whatever was
 * valid); a 400 problem carrying the report when nothing was imported because of errors; 413 when
 * the file is larger than 2 MB. Officers only.
 */
@SecurityRequirement(name = "bearer")
@Controller("/api/households/import")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
class ImportController {
    private final HouseholdImport importer;
    private final Words words;

    ImportController(HouseholdImport importer, Words words) {
        this.importer = importer;
        this.words = words;
    }

    @Post(consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<?> importCsv(Authentication authentication, @Nullable @QueryValue String mode,
                              @Body byte[] body) {
        HouseholdImport.Mode chosen = HouseholdImport.Mode.parse(mode);
        HouseholdImport.Outcome outcome = importer.run(Caller.of(authentication), body,
                chosen);
        ImportReport report = ImportReport.of(outcome, words, Locale.ENGLISH);
        if (outcome.tooLarge()) {
            return Problems.response(Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                    "File too large", report.errors().get(0).message()));
        }
        if (outcome.unreadable()) {
            return problem("import-refused", "File refused", "The file cannot be imported: "
                    + report.errors().get(0).message(), report);
        }
        if (!report.imported() && !report.errors().isEmpty()) {
            return problem("import-invalid", "Nothing imported", report.errors().size()
                    + " errors in the file; nothing was imported. Correct them, or import the valid households with mode=valid.",
                    report);
        }
        return HttpResponse.ok(report);
    }

    /** A reference taken meanwhile by someone else: the import is rolled back whole. */
    @Error(exception = InvalidInput.class)
    HttpResponse<Problem> invalid(HttpRequest<?> request, InvalidInput invalid) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, "reference-taken", "Reference taken",
                words.detail(invalid.errors()) + " Nothing was imported."));
    }

    private static HttpResponse<ImportProblem> problem(String slug, String title, String detail, ImportReport report) {
        Problem problem = Problems.of(HttpStatus.BAD_REQUEST, slug, title, detail);
        return HttpResponse.<ImportProblem>status(HttpStatus.BAD_REQUEST)
                .contentType(Problems.MEDIA_TYPE)
                .body(new ImportProblem(problem.type(), problem.title(), problem.status(), problem.detail(), report));
    }

    /** A problem body (RFC 9457) with the import report as an extension member. */
    @Serdeable
    record ImportProblem(String type, String title, int status, String detail, ImportReport report) {
    }
}
