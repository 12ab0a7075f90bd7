package nl.welkom.authz;

import static nl.welkom.authz.AuthzWorld.Role.ADMIN;
import static nl.welkom.authz.AuthzWorld.Role.ANONYMOUS;
import static nl.welkom.authz.AuthzWorld.Role.BUDDY;
import static nl.welkom.authz.AuthzWorld.Role.DEVICE;
import static nl.welkom.authz.AuthzWorld.Role.EDITOR;
import static nl.welkom.authz.AuthzWorld.Role.OFFICER;
import static nl.welkom.authz.AuthzWorld.Role.OTHER_OFFICER;
import static nl.welkom.authz.AuthzWorld.Target.OTHER_MUNICIPALITY;
import static nl.welkom.authz.AuthzWorld.Target.OWN;
import static nl.welkom.authz.AuthzWorld.Target.SAME_MUNICIPALITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import nl.welkom.authz.AuthzWorld.Role;
import nl.welkom.authz.AuthzWorld.Target;
import org.junit.jupiter.api.Test;

/**
 * Every route of the running server × every role × own household, another household of the same municipality
 * and a household of another municipality, against ONE expectation table ({@link #RULES}; the reasoning is in
 * docs/authz.md). The routes come from the server's own {@link Router}, so a new endpoint without a rule fails
 * this test ("new route … has no authorisation rule") instead of escaping it.
 *
 * <p>What counts: a probe is one request. Where the table refuses, the answer must be a refusal — on /api a
 * 401 (anonymous) or 403/404 with {@code application/problem+json}; elsewhere a redirect to /login or a
 * 401/403/404 page that names none of the target household's words — and a 2xx/3xx there is an
 * <em>unauthorised success</em>. Where the table allows a read (GET), the answer must be a success, which
 * proves that the ids filled into the path are real, so that the refusals are refusals of real records.
 *
 * <p>Destructive routes: the matrix sends state-changing requests (POST, PUT, PATCH, DELETE) only where the
 * table REFUSES them — a refused request changes nothing, so the one dataset stays intact for every later
 * probe; the allowed side of those routes is what each feature's own API and page tests exercise. Reads are
 * probed in every cell, allowed and refused, and run first; the state-changing probes run after them, with
 * the most destructive kinds (move, remove, revoke, end, deactivate, delete) last. HEAD routes (Micronaut adds
 * one per GET) take their GET's rule and are probed where it refuses anonymous callers, the phone or the officer
 * of the other municipality.
 */
class AuthorizationMatrixTest {
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");
    /** HEAD runs its GET's handler behind the same security: probed for a sample of the refused roles only. */
    private static final Set<Role> HEAD_ROLES = EnumSet.of(ANONYMOUS, DEVICE, OTHER_OFFICER);
    /** Another household of the same municipality differs from OWN only for the buddy, the phone and the officer. */
    private static final Set<Role> SAME_MUNICIPALITY_ROLES = EnumSet.of(BUDDY, DEVICE, OFFICER);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Routes the table does not govern, with why. */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "GET /health/{selector}", "framework health endpoint; only /health is public (intercept-url-map)",
            "GET /dashboard/test-probe", "test-only controller (src/test), not in the shipped server");

    enum Scope { NONE, MUNICIPALITY, HOUSEHOLD }

    /**
     * The rule of one route: which roles may succeed on which targets, the scope that says which targets are
     * worth probing, and for state-changing routes a valid-shaped body (placeholders in braces are filled
     * from the target's ids) so that a refusal comes from authorisation rather than from validation.
     */
    record Rule(Scope scope, Map<Role, Set<Target>> allowed, String body, String type, String query,
                boolean realIds) {
        Rule body(String value) {
            return new Rule(scope, allowed, value, type, query, realIds);
        }

        /** A body of another media type than JSON (on /api) or a form (elsewhere). */
        Rule body(String mediaType, String value) {
            return new Rule(scope, allowed, value, mediaType, query, realIds);
        }

        Rule query(String value) {
            return new Rule(scope, allowed, body, type, value, realIds);
        }

        /** The path holds a value no fixture has (a one-time ticket, a move): even allowed roles get a 404. */
        Rule synthetic() {
            return new Rule(scope, allowed, body, type, query, false);
        }

        boolean allows(Role role, Target target) {
            return allowed.getOrDefault(role, Set.of()).contains(target);
        }
    }

    private static final Set<Target> ZWOLLE = EnumSet.of(OWN, SAME_MUNICIPALITY);
    private static final Set<Target> ALL = EnumSet.allOf(Target.class);

    private static Rule rule(Scope scope, Map<Role, Set<Target>> allowed) {
        return new Rule(scope, allowed, null, null, null, true);
    }

    /** Officers of the household's municipality. */
    static Rule officers() {
        return rule(Scope.HOUSEHOLD, Map.of(OFFICER, ZWOLLE, OTHER_OFFICER, EnumSet.of(OTHER_MUNICIPALITY)));
    }

    /** Officers of the household's municipality and its matched buddy. */
    static Rule officersAndBuddy() {
        return rule(Scope.HOUSEHOLD, Map.of(OFFICER, ZWOLLE, OTHER_OFFICER, EnumSet.of(OTHER_MUNICIPALITY),
                BUDDY, EnumSet.of(OWN)));
    }

    /** Officers of the municipality, its matched buddy and the household's own phone. */
    static Rule family() {
        return rule(Scope.HOUSEHOLD, Map.of(OFFICER, ZWOLLE, OTHER_OFFICER, EnumSet.of(OTHER_MUNICIPALITY),
                BUDDY, EnumSet.of(OWN), DEVICE, EnumSet.of(OWN)));
    }

    /** A record of a municipality (period, template, announcement, volunteer): its own officers. */
    static Rule municipal() {
        return rule(Scope.MUNICIPALITY, Map.of(OFFICER, ZWOLLE, OTHER_OFFICER, EnumSet.of(OTHER_MUNICIPALITY)));
    }

    /** No record in the path: these roles, whatever the target. */
    static Rule roles(Role... roles) {
        Map<Role, Set<Target>> allowed = new LinkedHashMap<>();
        for (Role role : roles) {
            allowed.put(role, ALL);
        }
        return rule(Scope.NONE, allowed);
    }

    static Rule everyone() {
        return roles(Role.values());
    }

    static Rule signedIn() {
        return roles(DEVICE, BUDDY, OFFICER, OTHER_OFFICER, EDITOR, ADMIN);
    }

    static Rule staffOfficers() {
        return roles(OFFICER, OTHER_OFFICER);
    }

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String OFFER = "{\"street\":\"Brink\",\"houseNumber\":\"2\",\"postcode\":\"7411 BR\","
            + "\"city\":\"Deventer\",\"offeredOn\":\"{today}\",\"rooms\":3,\"status\":\"OFFERED\"}";

    /** THE table: one rule per route ("METHOD template"). HEAD routes use their GET's rule. */
    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    private static void put(String route, Rule rule) {
        if (RULES.put(route, rule) != null) {
            throw new IllegalStateException("twice in the table: " + route);
        }
    }

    static {
        // Public: sign-in, activation, the reader's content, the volunteer application, health.
        put("GET /", signedIn()); // the start page: anonymous callers are sent to /login, others to their start page
        put("GET /health", everyone());
        put("GET /login", everyone());
        put("POST /login", everyone());
        put("POST /logout", everyone());
        put("POST /language", everyone());
        put("GET /password/set", everyone());
        put("POST /password/set", everyone());
        put("POST /api/password/set", everyone());
        put("GET /vrijwilliger-worden", everyone());
        put("POST /vrijwilliger-worden", everyone());
        put("GET /vrijwilliger-worden/bedankt", everyone());
        put("POST /api/volunteer-applications", everyone());
        put("POST /api/auth/login", everyone());
        put("POST /api/activation", everyone());
        put("POST /api/activation/check", everyone());
        put("GET /api/content", everyone().query("lang=nl"));
        put("GET /api/course", everyone().query("lang=nl"));
        put("GET /api/phrasebook", everyone().query("lang=nl"));
        put("GET /api/languages", everyone());
        put("GET /api/search", everyone().query("q=huisarts&lang=nl"));
        put("GET /calendar/{file}", everyone()); // a capability URL: the secret token is the authorisation
        // Any signed-in caller, about itself.
        put("GET /api/me", signedIn());
        put("POST /api/auth/logout", signedIn());

        // Households and what hangs off them (HouseholdScope).
        put("GET /api/households", roles(OFFICER, OTHER_OFFICER, BUDDY, DEVICE));
        put("GET /api/households/{id}", family());
        put("GET /api/households/{id}/tasks", family());
        put("GET /api/households/{id}/appointments", family());
        put("GET /api/households/{id}/messages", family());
        put("GET /api/households/{id}/course-progress", family());
        put("GET /api/appointments/{file}", family());
        put("POST /api/households/{id}/messages", family().body("{\"text\":\"Goedemorgen\"}"));
        put("POST /api/households/{id}/messages/read", family().body("{}"));
        put("GET /api/households/{id}/meetings", officersAndBuddy());
        put("POST /api/households/{id}/meetings", officersAndBuddy()
                .body("{\"date\":\"{today}\",\"what\":\"Samen boodschappen gedaan.\"}"));
        put("POST /api/households/{id}/appointments", officersAndBuddy().body("{appointment}"));
        put("PUT /api/appointments/{id}", officersAndBuddy().body("{appointment}"));
        put("POST /api/appointments/{id}/cancel", officersAndBuddy().body("{}"));
        put("GET /api/households/{id}/activation-codes", officers());
        put("POST /api/households/{id}/activation-codes", officers());
        put("POST /api/activation-codes/{id}/withdraw", officers());
        put("GET /api/households/{id}/buddy-matches", officers());
        put("POST /api/households/{id}/buddy-matches", officers().body("{\"buddyUserId\":\"{buddyUser}\"}"));
        put("POST /api/buddy-matches/{id}/end", officers().body("{\"reason\":\"OTHER\"}"));
        put("GET /api/households/{id}/buddy-preference", officers());
        put("PUT /api/households/{id}/buddy-preference", officers().body("{}"));
        put("GET /api/households/{id}/buddy-suggestions", officers());
        put("GET /api/households/{id}/details", officers());
        put("PUT /api/households/{id}/details", officers().body("{\"reference\":\"PROBE-1\",\"displayName\":\"Probe\","
                + "\"arrivalPath\":\"DIRECT\",\"stage\":\"ARRIVAL\",\"languages\":[\"nl\"],\"version\":1}"));
        put("POST /api/households/{id}/members", officers().body("{\"displayName\":\"Probe\"}"));
        put("PUT /api/households/{id}/members/{memberId}", officers().body("{\"displayName\":\"Probe\"}"));
        put("DELETE /api/households/{id}/members/{memberId}", officers());
        put("POST /api/households/{id}/special-needs", officers().body("{\"kind\":\"SINGLE_PARENT\"}"));
        put("DELETE /api/households/{id}/special-needs/{needId}", officers());
        put("POST /api/households/{id}/move", officers().body("{\"municipalityId\":\"{municipality}\"}"));
        put("GET /api/households/{id}/export", officers());
        put("POST /api/households/{id}/erase", officers().body("{\"confirmReference\":\"PROBE\"}"));
        put("GET /dashboard/households/{id}/export", officers());
        put("GET /dashboard/households/{id}/erase", officers());
        put("POST /dashboard/households/{id}/erase", officers().body("confirmReference=PROBE"));
        put("GET /api/households/{id}/devices", officers());
        put("POST /api/devices/{id}/revoke", officers());
        put("GET /api/households/{id}/group-suggestions", officers());
        put("GET /api/households/{id}/housing-offers", officers());
        put("POST /api/households/{id}/housing-offers", officers().body(OFFER));
        put("GET /api/households/{id}/housing-offers/{offerId}", officers());
        put("PUT /api/households/{id}/housing-offers/{offerId}", officers().body(OFFER));
        put("GET /api/households/{id}/integration", officers());
        put("GET /api/households/{id}/integration/members/{memberId}/plan/history", officers());
        put("POST /api/households/{id}/integration/members/{memberId}/plan", officers().body("{}"));
        put("PATCH /api/households/{id}/integration/members/{memberId}/plan", officers().body("{}"));
        put("POST /api/households/{id}/integration/members/{memberId}/plan/extensions", officers().body("{}"));
        put("POST /api/households/{id}/integration/members/{memberId}/meetings", officers().body("{}"));
        put("PUT /api/households/{id}/integration/meetings/{meetingId}", officers().body("{}"));
        put("PUT /api/households/{id}/integration/members/{memberId}/intake", officers().body("{}"));
        put("PUT /api/households/{id}/integration/members/{memberId}/obligation", officers().body("{}"));
        put("GET /api/households/{id}/task-proposals{?stage}", officers().query("stage=ARRIVAL"));
        put("POST /api/households/{id}/tasks", officers().body("{}"));
        put("POST /api/households/{id}/tasks/from-templates", officers().body("{}"));
        put("PATCH /api/tasks/{id}", officers().body("{\"baseVersion\":1,\"note\":\"Probe\"}"));
        put("PUT /api/tasks/{id}/status", officers().body("{\"baseVersion\":1,\"status\":\"OPEN\"}"));
        put("DELETE /api/tasks/{id}", officers());
        put("POST /api/conflicts/{id}/resolve", officers().body("{\"resolution\":\"KEEP_CURRENT\"}"));
        put("POST /api/housing/periods/{id}/households", officers().body("{\"householdId\":\"{household}\"}"));
        put("DELETE /api/housing/periods/{id}/households/{householdId}", officers());
        // Lists scoped in the query, and the phone's and buddy's own views.
        put("GET /api/caseload", roles(OFFICER, OTHER_OFFICER, BUDDY));
        put("GET /api/conversations", roles(OFFICER, OTHER_OFFICER, BUDDY));
        put("GET /api/questions", roles(OFFICER, OTHER_OFFICER, BUDDY));
        put("GET /api/meetings/prompts", roles(OFFICER, OTHER_OFFICER, BUDDY));
        put("GET /api/meetings", roles(BUDDY));
        put("GET /api/places", roles(OFFICER, OTHER_OFFICER, BUDDY, DEVICE));
        put("GET /api/course/progress", roles(BUDDY, DEVICE));
        put("GET /api/sync/pull", roles(BUDDY, DEVICE));
        put("POST /api/sync/push", roles(BUDDY, DEVICE).body("{\"mutations\":[]}"));
        put("POST /api/questions", roles(DEVICE).body("{\"text\":\"Waar is de huisarts?\"}"));
        put("POST /api/lessons/{id}/feedback", roles(DEVICE).body("{\"helpful\":true}"));
        put("POST /api/me/calendar-feed", roles(OFFICER, OTHER_OFFICER, BUDDY));
        put("DELETE /api/me/calendar-feed", roles(OFFICER, OTHER_OFFICER, BUDDY));
        // A municipality's own records and lists (officers only).
        put("GET /api/buddies", staffOfficers());
        put("GET /api/conflicts", staffOfficers());
        put("POST /api/households", staffOfficers().body("{}"));
        put("POST /api/households/import", staffOfficers().body("text/csv", "huishouden;naam\n"));
        put("GET /api/announcements", staffOfficers());
        put("POST /api/announcements", staffOfficers().body("{}"));
        put("PUT /api/announcements/{id}", municipal().body("{}"));
        put("PUT /api/announcements/{id}/translations/{lang}", municipal().body("{}"));
        put("POST /api/announcements/{id}/withdraw", municipal().body("{}"));
        put("GET /api/housing/periods", staffOfficers());
        put("POST /api/housing/periods", staffOfficers().body("{}"));
        put("GET /api/housing/periods/{id}", municipal());
        put("PUT /api/housing/periods/{id}", municipal().body("{\"label\":\"2099-2\",\"startsOn\":\"2099-07-01\","
                + "\"endsOn\":\"2099-12-31\",\"targetPersons\":5}"));
        put("DELETE /api/housing/periods/{id}", municipal());
        put("GET /api/task-templates{?stage}", staffOfficers());
        put("POST /api/task-templates", staffOfficers().body("{}"));
        put("GET /api/task-templates/{id}", municipal());
        put("PUT /api/task-templates/{id}", municipal().body("{}"));
        put("POST /api/task-templates/{id}/activate", municipal().body("{}"));
        put("POST /api/task-templates/{id}/deactivate", municipal().body("{}"));
        put("GET /api/volunteers", staffOfficers());
        put("GET /api/volunteers/{id}", municipal());
        put("POST /api/volunteers/{id}/transitions", municipal().body("{\"to\":\"SCREENING\"}"));
        put("GET /api/reports", roles(OFFICER, OTHER_OFFICER, ADMIN));
        put("GET /api/reports/{file}", roles(OFFICER, OTHER_OFFICER, ADMIN));
        // Content editing (editors) and administration (admins): no household data.
        put("GET /api/editor/failed-searches", roles(EDITOR));
        put("GET /api/editor/lessons", roles(EDITOR));
        put("GET /api/editor/lessons/{id}", roles(EDITOR));
        put("GET /api/editor/lessons/{id}/revisions/{lang}", roles(EDITOR));
        put("POST /api/editor/lessons/{id}/revisions/{lang}", roles(EDITOR).body("{}"));
        put("POST /api/editor/revisions/{id}/publish", roles(EDITOR).body("{}"));
        put("POST /api/editor/revisions/{id}/submit", roles(EDITOR).body("{}"));
        put("GET /api/editor/status", roles(EDITOR));
        put("GET /api/editor/ui-strings", roles(EDITOR));
        put("GET /api/editor/xliff", roles(EDITOR).query("lang=en"));
        put("POST /api/editor/xliff", roles(EDITOR).body("application/xml", "<xliff/>"));
        put("GET /api/admin/abuse-counters", roles(ADMIN));
        put("GET /api/admin/municipalities", roles(ADMIN));
        put("POST /api/admin/municipalities", roles(ADMIN).body("{}"));
        put("PATCH /api/admin/municipalities/{id}", roles(ADMIN).body("{}"));
        put("GET /api/admin/users", roles(ADMIN));
        put("POST /api/admin/users", roles(ADMIN).body("{}"));
        put("GET /api/admin/users/{id}", roles(ADMIN));
        put("POST /api/admin/users/{id}/deactivate", roles(ADMIN).body("{}"));
        put("POST /api/admin/users/{id}/reactivate", roles(ADMIN).body("{}"));
        put("POST /api/admin/users/{id}/reset", roles(ADMIN).body("{}"));

        // Dashboard pages.
        put("GET /dashboard", roles(OFFICER, OTHER_OFFICER, BUDDY));
        put("GET /dashboard/households/{id}{?conflict}", officersAndBuddy());
        put("GET /dashboard/mijn-gezinnen", roles(BUDDY));
        put("GET /dashboard/messages", roles(OFFICER, OTHER_OFFICER, BUDDY));
        put("GET /dashboard/places", staffOfficers());
        put("GET /dashboard/reports", roles(OFFICER, OTHER_OFFICER, ADMIN));
        put("POST /dashboard/households/{id}/messages", officersAndBuddy().body("text=Goedemorgen"));
        put("POST /dashboard/households/{id}/meetings", officersAndBuddy().body("date={today}&what=Boodschappen"));
        put("GET /dashboard/households/{id}/appointments/new", officersAndBuddy());
        put("POST /dashboard/households/{id}/appointments", officersAndBuddy().body("x=1"));
        put("GET /dashboard/appointments/{id}/edit", officersAndBuddy());
        put("POST /dashboard/appointments/{id}", officersAndBuddy().body("x=1"));
        put("GET /dashboard/appointments/{id}/cancel", officersAndBuddy());
        put("POST /dashboard/appointments/{id}/cancel", officersAndBuddy().body("x=1"));
        put("GET /dashboard/households/{id}/activation-codes/{ticket}", officers().synthetic());
        put("POST /dashboard/households/{id}/activation-codes", officers().body("x=1"));
        put("POST /dashboard/activation-codes/{id}/withdraw", officers().body("x=1"));
        put("GET /dashboard/devices/{id}/revoke", officers());
        put("POST /dashboard/devices/{id}/revoke", officers().body("x=1"));
        put("POST /dashboard/conflicts/{id}/resolve", officers().body("resolution=KEEP_CURRENT"));
        // Only OWN has an active match (the others are ended rows, 404 to everyone): refusals still probed.
        put("GET /dashboard/buddy-matches/{id}/end", officers().synthetic());
        put("POST /dashboard/buddy-matches/{id}/end", officers().body("reason=OTHER"));
        put("POST /dashboard/households/{id}/buddy-matches", officers().body("buddyUserId={buddyUser}"));
        put("POST /dashboard/households/{id}/buddy-preference", officers().body("x=1"));
        put("GET /dashboard/households/{id}/edit", officers());
        put("POST /dashboard/households/{id}/edit", officers().body("x=1"));
        put("GET /dashboard/households/{id}/move", officers());
        put("POST /dashboard/households/{id}/move", officers().body("municipalityId={municipality}"));
        put("GET /dashboard/households/{id}/members/new", officers());
        put("POST /dashboard/households/{id}/members/new", officers().body("displayName=Probe"));
        put("GET /dashboard/households/{id}/members/{memberId}/edit", officers());
        put("POST /dashboard/households/{id}/members/{memberId}/edit", officers().body("displayName=Probe"));
        put("GET /dashboard/households/{id}/members/{memberId}/remove", officers());
        put("POST /dashboard/households/{id}/members/{memberId}/remove", officers().body("x=1"));
        put("GET /dashboard/households/{id}/members/{memberId}/certificate", officers().synthetic());
        put("GET /dashboard/households/{id}/special-needs/new", officers());
        put("POST /dashboard/households/{id}/special-needs/new", officers().body("kind=SINGLE_PARENT"));
        put("POST /dashboard/households/{id}/special-needs/{needId}/remove", officers().body("x=1"));
        put("GET /dashboard/households/{id}/housing-offers/new", officers());
        put("POST /dashboard/households/{id}/housing-offers", officers().body("x=1"));
        put("GET /dashboard/households/{id}/housing-offers/{offerId}", officers());
        put("POST /dashboard/households/{id}/housing-offers/{offerId}", officers().body("x=1"));
        put("GET /dashboard/households/{id}/integration/members/{memberId}", officers());
        put("GET /dashboard/households/{id}/integration/members/{memberId}/intake", officers());
        put("POST /dashboard/households/{id}/integration/members/{memberId}/intake", officers().body("x=1"));
        put("GET /dashboard/households/{id}/integration/members/{memberId}/plan", officers());
        put("POST /dashboard/households/{id}/integration/members/{memberId}/plan", officers().body("x=1"));
        // Only a member with a plan has an extension form, only one who completed the course a certificate.
        put("GET /dashboard/households/{id}/integration/members/{memberId}/extension", officers().synthetic());
        put("POST /dashboard/households/{id}/integration/members/{memberId}/extension", officers().body("x=1"));
        put("GET /dashboard/households/{id}/integration/members/{memberId}/meetings/new", officers());
        put("POST /dashboard/households/{id}/integration/members/{memberId}/meetings", officers().body("x=1"));
        put("POST /dashboard/households/{id}/integration/members/{memberId}/obligation", officers().body("obliged=true"));
        put("GET /dashboard/households/{id}/integration/meetings/{meetingId}", officers());
        put("POST /dashboard/households/{id}/integration/meetings/{meetingId}", officers().body("x=1"));
        put("GET /dashboard/households/{id}/tasks/new", officers());
        put("POST /dashboard/households/{id}/tasks", officers().body("x=1"));
        put("GET /dashboard/households/{id}/tasks/from-templates{?stage}", officers());
        put("POST /dashboard/households/{id}/tasks/from-templates", officers().body("x=1"));
        put("GET /dashboard/households/{id}/tasks/{taskId}/edit", officers());
        put("POST /dashboard/households/{id}/tasks/{taskId}", officers().body("x=1"));
        put("POST /dashboard/households/{id}/tasks/{taskId}/remove", officers().body("x=1"));
        put("POST /dashboard/households/{id}/tasks/{taskId}/status", officers().body("version=1&status=DONE"));
        put("POST /dashboard/housing/periods/{id}/households", officers().body("householdId={household}"));
        put("POST /dashboard/housing/periods/{id}/households/{householdId}/unlink", officers().body("x=1"));
        put("GET /dashboard/households/new", staffOfficers());
        put("POST /dashboard/households/new", staffOfficers().body("x=1"));
        put("GET /dashboard/households/import", staffOfficers());
        put("POST /dashboard/households/import", staffOfficers().body("multipart/form-data; boundary=probe",
                "--probe\r\nContent-Disposition: form-data; name=\"file\"; filename=\"h.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\nhuishouden;naam\r\n--probe--\r\n"));
        put("GET /dashboard/households/import/template.csv", staffOfficers());
        put("GET /dashboard/households/moves/{moveId}", staffOfficers().synthetic());
        put("GET /dashboard/announcements", staffOfficers());
        put("GET /dashboard/announcements/new", staffOfficers());
        put("POST /dashboard/announcements", staffOfficers().body("x=1"));
        put("GET /dashboard/announcements/{id}", municipal());
        put("GET /dashboard/announcements/{id}/withdraw", municipal());
        put("POST /dashboard/announcements/{id}/withdraw", municipal().body("x=1"));
        put("POST /dashboard/announcements/{id}/translations/{lang}", municipal().body("x=1"));
        put("GET /dashboard/housing", staffOfficers());
        put("GET /dashboard/housing/periods/new", staffOfficers());
        put("POST /dashboard/housing/periods", staffOfficers().body("x=1"));
        put("GET /dashboard/housing/periods/{id}", municipal());
        put("POST /dashboard/housing/periods/{id}", municipal().body("x=1"));
        put("POST /dashboard/housing/periods/{id}/delete", municipal().body("x=1"));
        put("GET /dashboard/templates", staffOfficers());
        put("GET /dashboard/templates/new", staffOfficers());
        put("POST /dashboard/templates", staffOfficers().body("x=1"));
        put("GET /dashboard/templates/{templateId}/edit", municipal());
        put("POST /dashboard/templates/{templateId}", municipal().body("x=1"));
        put("POST /dashboard/templates/{templateId}/activate", municipal().body("x=1"));
        put("POST /dashboard/templates/{templateId}/deactivate", municipal().body("x=1"));
        put("GET /dashboard/gdpr", staffOfficers());
        put("GET /dashboard/volunteers", staffOfficers());
        put("GET /dashboard/volunteers/attention", staffOfficers());
        put("GET /dashboard/volunteers/{id}", municipal());
        put("GET /dashboard/volunteers/{id}/code", municipal().synthetic());
        put("POST /dashboard/volunteers/{id}/transitions", municipal().body("to=SCREENING"));
        put("GET /dashboard/content", roles(EDITOR));
        put("GET /dashboard/content/lessons/{id}/{lang}", roles(EDITOR));
        put("POST /dashboard/content/lessons/{id}/{lang}", roles(EDITOR).body("x=1"));
        put("GET /dashboard/admin", roles(ADMIN));
        put("GET /dashboard/admin/municipalities/{id}", roles(ADMIN));
        put("POST /dashboard/admin/municipalities", roles(ADMIN).body("x=1"));
        put("POST /dashboard/admin/municipalities/{id}/name", roles(ADMIN).body("x=1"));
        put("POST /dashboard/admin/users", roles(ADMIN).body("x=1"));
        put("GET /dashboard/admin/users/{id}/code", roles(ADMIN).synthetic());
        put("GET /dashboard/admin/users/{id}/deactivate", roles(ADMIN));
        put("POST /dashboard/admin/users/{id}/deactivate", roles(ADMIN).body("x=1"));
        put("POST /dashboard/admin/users/{id}/reactivate", roles(ADMIN).body("x=1"));
        put("GET /dashboard/admin/users/{id}/reset", roles(ADMIN));
        put("POST /dashboard/admin/users/{id}/reset", roles(ADMIN).body("x=1"));
    }

    /** One request of the matrix. */
    record Probe(String method, String template, Role role, Target target, Rule rule) {
        boolean allowed() {
            return rule.allows(role, target);
        }
    }

    private final AuthzWorld world = AuthzWorld.get();

    @Test
    void everyRouteOfTheServerAnswersEveryRoleAsTheTableSaysWithNoUnauthorisedSuccess() {
        List<String> routes = world.context().getBean(Router.class).uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate())
                .distinct().sorted().toList();
        List<String> missing = new ArrayList<>();
        List<Probe> reads = new ArrayList<>();
        List<Probe> writes = new ArrayList<>();
        for (String route : routes) {
            if (EXCEPTIONS.containsKey(route) || EXCEPTIONS.containsKey(route.replaceFirst("^HEAD ", "GET "))) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            Rule rule = RULES.get("HEAD".equals(method) ? "GET " + template : route);
            if (rule == null) {
                missing.add("new route " + route + " has no authorisation rule");
                continue;
            }
            for (Role role : Role.values()) {
                for (Target target : targets(rule.scope())) {
                    if (target == SAME_MUNICIPALITY && !SAME_MUNICIPALITY_ROLES.contains(role)) {
                        continue; // for everyone else it is the same case as OWN
                    }
                    Probe probe = new Probe(method, template, role, target, rule);
                    if (MUTATING.contains(method)) {
                        if (!probe.allowed()) {
                            writes.add(probe);
                        }
                    } else if (!"HEAD".equals(method) || !probe.allowed() && HEAD_ROLES.contains(role)) {
                        reads.add(probe);
                    }
                }
            }
        }
        Set<String> stale = new TreeSet<>(RULES.keySet());
        routes.forEach(stale::remove);
        assertEquals(List.of(), missing, "every route needs a rule in AuthorizationMatrixTest.RULES");
        assertEquals(Set.of(), stale, "rules for routes the server no longer has");

        List<String> unauthorised = new ArrayList<>();
        List<String> badRefusals = new ArrayList<>();
        List<String> failedReads = new ArrayList<>();
        int probes = 0;
        List<List<Probe>> batches = new ArrayList<>();
        batches.add(reads);
        for (int tier = 0; tier <= 2; tier++) {
            int level = tier;
            batches.add(writes.stream().filter(probe -> destructiveness(probe.template()) == level).toList());
        }
        for (List<Probe> batch : batches) {
            List<AuthzWorld.Response> responses = sendAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                Probe probe = batch.get(i);
                AuthzWorld.Response response = responses.get(i);
                probes++;
                String what = probe.method() + " " + probe.template() + " as " + probe.role() + " on "
                        + probe.target() + " → " + response.status();
                if (probe.allowed()) {
                    if (probe.rule().realIds() && !success(probe, response)) {
                        failedReads.add(what + " " + abbreviate(response.body()));
                    }
                } else if (success(probe, response)) {
                    unauthorised.add(what);
                } else if (!refusal(probe, response)) {
                    badRefusals.add(what + " " + response.contentType() + " " + abbreviate(response.body()));
                }
            }
        }
        System.out.println("AuthorizationMatrixTest: " + routes.size() + " routes (" + EXCEPTIONS.size()
                + " framework/test exceptions), " + probes + " probes, " + unauthorised.size()
                + " unauthorised successes");
        assertEquals(List.of(), unauthorised, "unauthorised successes");
        assertEquals(List.of(), badRefusals, "refusals that are not 401/403/404 problems or sign-in/error pages");
        assertEquals(List.of(), failedReads, "allowed reads that failed (the fixture ids must be real)");
        assertTrue(probes > 1000, "the matrix probes every cell: " + probes);
    }

    private static List<Target> targets(Scope scope) {
        return switch (scope) {
            case NONE -> List.of(OWN);
            case MUNICIPALITY -> List.of(OWN, OTHER_MUNICIPALITY);
            case HOUSEHOLD -> List.of(OWN, SAME_MUNICIPALITY, OTHER_MUNICIPALITY);
        };
    }

    /** Order of the refused writes: harmless first, the kinds that would remove or end things last. */
    private static int destructiveness(String template) {
        for (String word : List.of("/move", "/remove", "/revoke", "/end", "/deactivate", "/delete", "/withdraw")) {
            if (template.contains(word)) {
                return 2;
            }
        }
        return template.contains("members/{memberId}") || template.contains("special-needs/{") ? 1 : 0;
    }

    /** Sends a batch on a few threads (the probes of one batch do not depend on each other), answers in order. */
    private List<AuthzWorld.Response> sendAll(List<Probe> batch) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AuthzWorld.Response>> answers = new ArrayList<>();
            for (Probe probe : batch) {
                answers.add(pool.submit(() -> send(probe)));
            }
            List<AuthzWorld.Response> responses = new ArrayList<>();
            for (Future<AuthzWorld.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The request path of {@code template} for {@code target}: real ids in the variables, the rule's query. */
    static String path(AuthzWorld world, String template, Target target, Rule rule) {
        String path = fill(template.replaceAll("\\{\\?[^}]*}", ""), values(world, target));
        return rule.query() != null ? path + "?" + rule.query() : path;
    }

    private AuthzWorld.Response send(Probe probe) {
        Map<String, String> values = values(world, probe.target());
        String path = path(world, probe.template(), probe.target(), probe.rule());
        boolean api = path.startsWith("/api/");
        String body = null;
        String type = null;
        if (MUTATING.contains(probe.method())) {
            String template = probe.rule().body() != null ? probe.rule().body() : api ? "{}" : "x=1";
            body = fillBody(template, values, api);
            type = probe.rule().type() != null ? probe.rule().type() : api ? "application/json" : FORM;
        }
        return world.send(probe.method(), path, world.tokens.get(probe.role()), type, body);
    }

    private static Map<String, String> values(AuthzWorld world, Target target) {
        Map<String, String> values = new LinkedHashMap<>(world.ids.get(target));
        values.putAll(world.global);
        values.put("buddyUser", world.string("SELECT id FROM app_user WHERE username = 'buddy@zwolle.demo'"));
        values.put("today", java.time.LocalDate.now().toString());
        return values;
    }

    /** The path with each variable replaced by a real id of the probe's target, chosen by the route's prefix. */
    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String before = template.substring(0, matcher.start());
            matcher.appendReplacement(path, Matcher.quoteReplacement(value(before, matcher.group(1), values)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String value(String before, String variable, Map<String, String> values) {
        String kind = switch (variable) {
            case "memberId" -> "member";
            case "needId" -> "need";
            case "offerId" -> "offer";
            case "meetingId" -> "integrationMeeting";
            case "taskId" -> "task";
            case "householdId" -> "household";
            case "templateId" -> "template";
            case "lang" -> "=en";
            case "ticket", "moveId" -> "=00000000-0000-4000-8000-000000000000";
            case "file" -> before.startsWith("/calendar") ? "feed" : before.startsWith("/api/reports") ? "=stages"
                    : "appointment.ics";
            default -> kindOfId(before);
        };
        if (kind.startsWith("=")) {
            return kind.substring(1);
        }
        if (kind.endsWith(".ics")) {
            return values.get(kind.substring(0, kind.length() - 4)) + ".ics";
        }
        String value = values.get(kind);
        if (value == null) {
            throw new IllegalStateException("no fixture id of kind " + kind + " for " + before + "{" + variable + "}");
        }
        return value;
    }

    private static String kindOfId(String before) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("/households/", "household");
        prefixes.put("/tasks/", "task");
        prefixes.put("/appointments/", "appointment");
        prefixes.put("/buddy-matches/", "match");
        prefixes.put("/conflicts/", "conflict");
        prefixes.put("/devices/", "device");
        prefixes.put("/activation-codes/", "activationCode");
        prefixes.put("/periods/", "period");
        prefixes.put("/task-templates/", "template");
        prefixes.put("/announcements/", "announcement");
        prefixes.put("/volunteers/", "volunteer");
        prefixes.put("/admin/users/", "editorUser");
        prefixes.put("/admin/municipalities/", "municipality");
        prefixes.put("/lessons/", "lesson");
        prefixes.put("/revisions/", "revision");
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (before.endsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        throw new IllegalStateException("which record is {id} after " + before + "?");
    }

    private String fillBody(String template, Map<String, String> values, boolean api) {
        if ("{appointment}".equals(template)) {
            java.time.Instant start = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                    .plus(3, java.time.temporal.ChronoUnit.DAYS);
            return "{\"type\":\"TOWN_HALL\",\"purpose\":\"Probe\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                    + start.plus(1, java.time.temporal.ChronoUnit.HOURS) + "\",\"address\":\"Brink 1\",\"byPhone\":false}";
        }
        String body = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            body = body.replace("{" + value.getKey() + "}", value.getValue());
        }
        return body;
    }

    private static boolean success(Probe probe, AuthzWorld.Response response) {
        if (response.status() >= 200 && response.status() < 300) {
            return true;
        }
        return response.status() >= 300 && response.status() < 400 && !toLogin(response);
    }

    private static boolean toLogin(AuthzWorld.Response response) {
        return response.location() != null && response.location().startsWith("/login");
    }

    private boolean refusal(Probe probe, AuthzWorld.Response response) {
        int status = response.status();
        boolean api = probe.template().startsWith("/api/");
        if ("HEAD".equals(probe.method())) {
            return status == 401 || status == 403 || status == 404 || toLogin(response);
        }
        if (api) {
            boolean statusOk = probe.role() == ANONYMOUS ? status == 401 : status == 403 || status == 404;
            return statusOk && response.contentType().startsWith("application/problem+json");
        }
        if (toLogin(response)) {
            return true;
        }
        if (status != 401 && status != 403 && status != 404) {
            return false;
        }
        boolean html = response.contentType().startsWith("text/html")
                || response.contentType().startsWith("application/problem+json");
        List<String> words = world.names.get(probe.target());
        return html && words.stream().noneMatch(response.body()::contains);
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
