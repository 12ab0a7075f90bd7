package nl.welkom.casefile;

import java.net.URI;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;
import nl.welkom.model.Problem;
import nl.welkom.problem.Problems;

/**
 * The officer's case-file API (docs/households.md): create a household, read and replace its
 * details, add, change and remove members, record and remove special needs, move it to another
 * municipality. Officers only (403 for everyone else); a household of another municipality is 404.
 * What it returns is officer-only and never reaches a buddy or a phone.
 */
@SecurityRequirement(name = "bearer")
@Controller("/api/households")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("OFFICER")
class CaseFileController {
    private final CaseFiles caseFiles;
    private final HouseholdMoves moves;
    private final Words words;

    CaseFileController(CaseFiles caseFiles, HouseholdMoves moves, Words words) {
        this.caseFiles = caseFiles;
        this.moves = moves;
        this.words = words;
    }

    /** Creates a household of the officer's municipality, members included (201, {@code Location}: its details). */
    @Post
    HttpResponse<HouseholdDetails> create(Authentication authentication, @Body HouseholdCommand command) {
        HouseholdDetails created = caseFiles.create(Caller.of(authentication), command);
        return HttpResponse.created(created, URI.create("/api/households/" + created.id() + "/details"));
    }

    /** The household's case file, officer-only fields and special needs included; audited. */
    @Get("/{id}/details")
    HouseholdDetails details(Authentication authentication, @PathVariable String id) {
        return caseFiles.details(Caller.of(authentication), id);
    }

    /** Replaces the household's own fields; 409 {@code household-changed} when {@code version} is stale. */
    @Put("/{id}/details")
    HouseholdDetails update(Authentication authentication, @PathVariable String id, @Body HouseholdCommand command) {
        return caseFiles.update(Caller.of(authentication), id, command);
    }

    /** Adds a member (201). */
    @Post("/{id}/members")
    HttpResponse<HouseholdDetails.MemberDetails> addMember(Authentication authentication, @PathVariable String id,
                                                           @Body MemberCommand command) {
        return HttpResponse.created(caseFiles.addMember(Caller.of(authentication), id, command));
    }

    /** Replaces a member's fields. */
    @Put("/{id}/members/{memberId}")
    HouseholdDetails.MemberDetails updateMember(Authentication authentication, @PathVariable String id,
                                                @PathVariable String memberId, @Body MemberCommand command) {
        return caseFiles.updateMember(Caller.of(authentication), id, memberId, command);
    }

    /** Removes a member and its special needs (204); 409 {@code member-has-records} when other records name it. */
    @Delete("/{id}/members/{memberId}")
    HttpResponse<Void> removeMember(Authentication authentication, @PathVariable String id,
                                    @PathVariable String memberId) {
        caseFiles.removeMember(Caller.of(authentication), id, memberId);
        return HttpResponse.noContent();
    }

    /** Records a special need of the household or a member (201). */
    @Post("/{id}/special-needs")
    HttpResponse<HouseholdDetails.SpecialNeedInfo> addNeed(Authentication authentication, @PathVariable String id,
                                                           @Body SpecialNeedCommand command) {
        return HttpResponse.created(caseFiles.addNeed(Caller.of(authentication), id, command));
    }

    /** Removes a special need (204). */
    @Delete("/{id}/special-needs/{needId}")
    HttpResponse<Void> removeNeed(Authentication authentication, @PathVariable String id,
                                  @PathVariable String needId) {
        caseFiles.removeNeed(Caller.of(authentication), id, needId);
        return HttpResponse.noContent();
    }

    /** Moves the household to another municipality; the officer loses access to it at once. */
    @Post("/{id}/move")
    MoveResult move(Authentication authentication, @PathVariable String id, @Body MoveCommand command) {
        return moves.move(Caller.of(authentication), id, command.municipalitySlug());
    }

    /** An edit of a version someone else has changed meanwhile: 409 {@code household-changed}. */
    @Error(exception = StaleVersion.class)
    HttpResponse<Problem> stale(HttpRequest<?> request, StaleVersion stale) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, "household-changed", "Changed meanwhile",
                "Someone changed this household after you loaded it (it is now version " + stale.currentVersion()
                        + "). Load it again and repeat your change."));
    }

    /** Broken rules as one 400 problem naming every field; a taken reference as 409 {@code reference-taken}. */
    @Error(exception = InvalidInput.class)
    HttpResponse<Problem> invalid(HttpRequest<?> request, InvalidInput invalid) {
        boolean taken = invalid.errors().stream().anyMatch(error -> error.problem() == Invalid.REFERENCE_TAKEN);
        Problem problem = taken
                ? Problems.of(HttpStatus.CONFLICT, "reference-taken", "Reference taken", words.detail(invalid.errors()))
                : Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request", words.detail(invalid.errors()));
        return Problems.response(problem);
    }
}
