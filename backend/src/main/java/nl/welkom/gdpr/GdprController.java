package nl.welkom.gdpr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.problem.ProblemException;

/** The GDPR API for officers of the household's municipality (docs/gdpr.md). */
@SecurityRequirement(name = "bearer")
@Controller("/api/households")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
final class GdprController {
    private final HouseholdExport export;
    private final HouseholdErasure erasure;

    GdprController(HouseholdExport export, HouseholdErasure erasure) {
        this.export = export;
        this.erasure = erasure;
    }

    /** Everything Welkom holds about the household, as a JSON file (one section per table); audited. */
    @Get(value = "/{id}/export", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> export(Authentication authentication, @PathVariable String id) {
        HouseholdExport.File file = export.export(Caller.of(authentication), id);
        return HttpResponse.ok(file.json())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(file.reference()) + "\"");
    }

    /**
     * Erases the household: its personal data leaves every table, its audit entries are
     * pseudonymised, its phones and its family friend's phone drop it. {@code confirmReference} must
     * be the household's reference.
     */
    @Post("/{id}/erase")
    ErasureResult erase(Authentication authentication, @PathVariable String id, @Nullable @Body EraseCommand command) {
        if (command == null) {
            throw ProblemException.badRequest("confirmReference: type the household's reference to confirm the erasure.");
        }
        HouseholdErasure.Erased erased = erasure.erase(Caller.of(authentication), id, command.confirmReference());
        return new ErasureResult(erased.pseudonym(), erased.rowsDeleted(), erased.devicesRevoked(), erased.matchesEnded());
    }

    static String fileName(String reference) {
        return "welkom-export-" + reference.replaceAll("[^A-Za-z0-9-]", "_") + ".json";
    }

    /** What the officer types to confirm. */
    @Serdeable
    record EraseCommand(@Nullable String confirmReference) {
    }

    /**
     * What an erasure did.
     *
     * @param pseudonym the name the household's audit entries carry from now on
     */
    @Serdeable
    record ErasureResult(String pseudonym, int rowsDeleted, int devicesRevoked, int matchesEnded) {
    }
}
