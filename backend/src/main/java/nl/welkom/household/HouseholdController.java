package nl.welkom.household;

import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.model.household.Household;

@SecurityRequirement(name = "bearer")
@Controller("/api/households")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"OFFICER", "BUDDY", "NEWCOMER"})
final class HouseholdController {
    private final HouseholdScope scope;
    private final HouseholdReader reader;
    private final AuditLog audit;

    HouseholdController(HouseholdScope scope, HouseholdReader reader, AuditLog audit) {
        this.scope = scope;
        this.reader = reader;
        this.audit = audit;
    }

    /** The households in the caller's scope, members included (minimal fields for buddies); audited as a list read. */
    @Get
    List<Household> list(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        List<Household> households = reader.read(caller, scope.visibleHouseholds(caller));
        audit.record(caller, AuditLog.HOUSEHOLD_LIST, null);
        return households;
    }

    /** One household in scope (404 otherwise); audited. */
    @Get("/{id}")
    Household get(Authentication authentication, @PathVariable String id) {
        Caller caller = Caller.of(authentication);
        HouseholdEntity household = scope.requireVisible(caller, id);
        audit.record(caller, AuditLog.HOUSEHOLD_READ, household.id());
        return reader.read(caller, household);
    }
}
