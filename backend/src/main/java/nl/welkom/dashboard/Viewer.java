package nl.welkom.dashboard;

import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.auth.Caller;
import nl.welkom.model.auth.Role;

/**
 * The person using the dashboard, as the page header shows them, with the language the page speaks.
 * Public, like its nested records, because feature pages and the template engine read it.
 *
 * @param caller           who is calling, for scope checks and the audit trail
 * @param displayName      how they are addressed
 * @param municipalityName their municipality, or null
 * @param display          dates, countries and languages in the page's language ({@link DashboardLocale})
 */
public record Viewer(Caller caller, String displayName, @Nullable String municipalityName, Display display) {

    /** Whether the household pages serve this role at all: officers and buddies. */
    static boolean admits(Role role) {
        return role == Role.OFFICER || role == Role.BUDDY;
    }

    /** Officers may change tasks and create activation codes; buddies only read. */
    public boolean officer() {
        return caller.role() == Role.OFFICER;
    }

    /** Administrators manage municipalities and staff accounts. */
    public boolean admin() {
        return caller.role() == Role.ADMIN;
    }

    /** The role's start page, where the header's "Welkom" link goes. */
    public String home() {
        return startPage(caller.role());
    }

    /** Where a role starts: the caseload for officers, a family friend's own households, content, administration. */
    static String startPage(Role role) {
        return switch (role) {
            case EDITOR -> "/dashboard/content";
            case ADMIN -> "/dashboard/admin";
            case BUDDY -> "/dashboard/mijn-gezinnen";
            default -> "/dashboard";
        };
    }

    /** The role's name, for the template to word. */
    public String role() {
        return caller.role().name();
    }

    /** The page's language. */
    public Locale locale() {
        return display.locale();
    }
}
