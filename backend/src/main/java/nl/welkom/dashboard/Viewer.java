package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;

/**
 * The person using the dashboard, as the page header shows them.
 * Public, like its nested records, only because the template engine reads it by reflection.
 *
 * @param caller           who is calling, for scope checks and the audit trail
 * @param displayName      how they are addressed
 * @param municipalityName their municipality, or null
 */
public record Viewer(Caller caller, String displayName, @Nullable String municipalityName) {

    /** Whether the dashboard serves this role at all: officers and buddies. */
    static boolean admits(Role role) {
        return role == Role.OFFICER || role == Role.BUDDY;
    }

    /** Officers may change tasks and create activation codes; buddies only read. */
    public boolean officer() {
        return caller.role() == Role.OFFICER;
    }

    /** The role's start page, where the header's "Welkom" link goes: the content page for editors. */
    public String home() {
        return caller.role() == Role.EDITOR ? "/dashboard/content" : "/dashboard";
    }

    /** The role's name, for the template to word. */
    public String role() {
        return caller.role().name();
    }
}
