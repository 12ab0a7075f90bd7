package nl.welkom.admin;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import nl.welkom.admin.AdminWireFormat.AccountWithCode;
import nl.welkom.admin.AdminWireFormat.MunicipalityChange;
import nl.welkom.admin.AdminWireFormat.MunicipalitySummary;
import nl.welkom.admin.AdminWireFormat.NewMunicipality;
import nl.welkom.admin.AdminWireFormat.NewStaffAccount;
import nl.welkom.admin.AdminWireFormat.StaffAccount;
import nl.welkom.auth.Caller;
import nl.welkom.model.Problem;

/**
 * Municipalities and staff accounts, for administrators only: every other role gets 403, an
 * anonymous request 401. Never returns household data or a password; a sign-in code only in the
 * answer that created it.
 */
@Controller("/api/admin")
@Secured("ADMIN")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminController {
    private final StaffAccounts staff;
    private final AdminProblems problems;

    AdminController(StaffAccounts staff, AdminProblems problems) {
        this.staff = staff;
        this.problems = problems;
    }

    /** Every municipality with its counts of households and active staff. */
    @Get("/municipalities")
    List<MunicipalitySummary> municipalities() {
        return staff.municipalities();
    }

    /** A new municipality (201); 400 for a bad slug or name, 409 {@code slug-taken}. */
    @Post("/municipalities")
    HttpResponse<MunicipalitySummary> createMunicipality(Authentication authentication, @Body NewMunicipality body) {
        return HttpResponse.created(staff.createMunicipality(Caller.of(authentication), body.slug(), body.name()));
    }

    /** Renames a municipality; the slug cannot change (400). 404 for an unknown id. */
    @Patch("/municipalities/{id}")
    MunicipalitySummary renameMunicipality(Authentication authentication, @PathVariable String id,
                                           @Body MunicipalityChange body) {
        return staff.renameMunicipality(Caller.of(authentication), id, body.name(), body.slug());
    }

    /** The accounts of a municipality ({@code ?municipalityId=}), or the administrators without it. */
    @Get("/users")
    List<StaffAccount> users(@Nullable @QueryValue String municipalityId) {
        if (municipalityId != null) {
            staff.municipality(municipalityId);
        }
        return staff.accounts(municipalityId);
    }

    @Get("/users/{id}")
    StaffAccount user(@PathVariable String id) {
        return staff.account(id);
    }

    /**
     * A new account (201) with its one-time sign-in code, shown only in this answer. 400 for bad
     * input, 409 {@code username-taken}.
     */
    @Post("/users")
    HttpResponse<AccountWithCode> createUser(Authentication authentication, @Body NewStaffAccount body) {
        return HttpResponse.created(staff.create(Caller.of(authentication), body));
    }

    /** Deactivates an account and ends its sessions; 409 {@code own-account}. */
    @Post("/users/{id}/deactivate")
    StaffAccount deactivate(Authentication authentication, @PathVariable String id) {
        return staff.deactivate(Caller.of(authentication), id);
    }

    /** Lets a deactivated account sign in again. */
    @Post("/users/{id}/reactivate")
    StaffAccount reactivate(Authentication authentication, @PathVariable String id) {
        return staff.reactivate(Caller.of(authentication), id);
    }

    /**
     * Resets the password: the old one and every session stop working; answers a new one-time sign-in
     * code. 409 {@code own-account} or {@code account-deactivated}.
     */
    @Post("/users/{id}/reset")
    AccountWithCode reset(Authentication authentication, @PathVariable String id) {
        return staff.reset(Caller.of(authentication), id);
    }

    @Error(exception = InvalidInput.class)
    HttpResponse<Problem> invalid(InvalidInput invalid) {
        return problems.response(invalid);
    }
}
