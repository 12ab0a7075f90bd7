package nl.welkom.household;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.auth.Caller;

/**
 * {@code GET /api/caseload}: the caller's households one page at a time, searched, filtered and
 * sorted in the database (docs/caseload.md). For officers (their municipality) and buddies (their
 * matches, minimal fields, name search only). {@code GET /api/households} stays the whole list in
 * its old shape for phones and existing callers.
 */
@SecurityRequirement(name = "bearer")
@Controller("/api/caseload")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"OFFICER", "BUDDY"})
final class CaseloadController {
    private final Caseload caseload;

    CaseloadController(Caseload caseload) {
        this.caseload = caseload;
    }

    /**
     * One page of the caseload; audited as a list read. A value that is not allowed is a 400 problem
     * naming the parameter; a page past the last comes back empty.
     */
    @Get
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "part of a name or (officers) a reference, any case")
    @Parameter(name = "stage", in = ParameterIn.QUERY, description = "journey stage (officers)")
    @Parameter(name = "nationality", in = ParameterIn.QUERY, description = "ISO 3166 alpha-2 code (officers)")
    @Parameter(name = "overdue", in = ParameterIn.QUERY, description = "true or false: with or without an overdue task (officers)")
    @Parameter(name = "conflicts", in = ParameterIn.QUERY, description = "true or false: with or without an open conflict (officers)")
    @Parameter(name = "buddy", in = ParameterIn.QUERY, description = "true or false: with or without an active buddy match (officers)")
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "reference (officers' default), name (buddies' default), arrival, stage or due")
    @Parameter(name = "dir", in = ParameterIn.QUERY, description = "asc (default) or desc")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "from 1")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "25, 50 (default) or 100")
    CaseloadPage page(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        CaseloadFilter filter = CaseloadFilter.strict(request.getParameters().asMap(), caller.role());
        return caseload.read(caller, filter, false);
    }
}
