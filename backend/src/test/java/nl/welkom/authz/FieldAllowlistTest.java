package nl.welkom.authz;

import static nl.welkom.authz.AuthzWorld.Role.BUDDY;
import static nl.welkom.authz.AuthzWorld.Role.DEVICE;
import static nl.welkom.authz.AuthzWorld.Target.OTHER_MUNICIPALITY;
import static nl.welkom.authz.AuthzWorld.Target.OWN;
import static nl.welkom.authz.AuthzWorld.Target.SAME_MUNICIPALITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.micronaut.web.router.Router;
import nl.welkom.authz.AuthorizationMatrixTest.Rule;
import nl.welkom.authz.AuthzWorld.Role;
import org.junit.jupiter.api.Test;

/**
 * Field-level access: what a buddy and a newcomer's phone receive — every JSON read the route table lets them
 * make (taken from the server's route list and {@link AuthorizationMatrixTest#RULES}) and their sync pull,
 * followed to its last page — is walked whole, and every field path must be on the role's allowlist. A field
 * that is not (a special need, a case note, the integration plan, the camp of origin…) fails the test, and so
 * does any id or name of a household that is not theirs. Paths are dotted, {@code []} for an array element,
 * {@code *} for a map keyed by data (a language, a lesson).
 */
class FieldAllowlistTest {
    /** Public reading material, the same for an anonymous caller: no household data to allow or refuse. */
    static final Set<String> PUBLIC = Set.of("/api/content", "/api/course", "/api/phrasebook", "/api/languages",
            "/api/search");

    static final Map<Role, Set<String>> ALLOWED = new EnumMap<>(Role.class);

    static {
        // A buddy: the minimal household fields of MinimalView (no reference, nationality, camp, arrival path, birth
        // years, special needs, notes, integration, housing, audit), the journey, appointments, messages since
        // the match, places, its caseload rows and its pull.
        ALLOWED.put(BUDDY, Set.of(
                "[].address", "[].answer", "[].assignee", "[].bring", "[].byPhone", "[].completedAt",
                "[].displayName", "[].dueDate", "[].endsAt", "[].from", "[].householdId", "[].id",
                "[].interpreterLanguage", "[].languages", "[].memberIds", "[].members", "[].members[].displayName",
                "[].members[].id", "[].members[].languages", "[].municipalityId", "[].purpose", "[].sentAt",
                "[].sequence", "[].stage", "[].startsAt", "[].status", "[].text", "[].titles", "[].titles.*",
                "[].type", "[].version", "[].withName", "announcements", "appointments", "appointments[].address",
                "appointments[].answer", "appointments[].bring", "appointments[].byPhone", "appointments[].endsAt",
                "appointments[].householdId", "appointments[].id", "appointments[].interpreterLanguage",
                "appointments[].memberIds", "appointments[].purpose", "appointments[].sequence",
                "appointments[].startsAt", "appointments[].status", "appointments[].type", "appointments[].version",
                "appointments[].withName", "contentVersion", "cursor", "deletedTaskIds", "deviceId", "direction",
                "displayName", "expiresAt", "hasMore", "householdId", "households", "households[].displayName",
                "households[].id", "households[].languages", "households[].members",
                "households[].members[].displayName", "households[].members[].id",
                "households[].members[].languages", "households[].municipalityId", "households[].stage",
                "households[].version", "id", "items", "items[].displayName", "items[].id", "items[].nextDueDate",
                "items[].overdueTasks", "items[].stage", "items[].tasksDone", "items[].tasksTotal", "languages",
                "meeting[].id", "meeting[].householdId", "meeting[].date", "meeting[].what", "meeting[].taskIds",
                "meeting[].note", "meeting[].loggedAt", "meeting[].lastMet", "meeting[].since", "meeting[].days",
                "meeting[].displayName", "meetings[].id", "meetings[].householdId", "meetings[].date",
                "meetings[].what", "meetings[].taskIds", "meetings[].note", "meetings[].loggedAt",
                "meetings", "members", "members[].displayName", "members[].id", "members[].languages", "messages",
                "messages[].from", "messages[].householdId", "messages[].id", "messages[].sentAt", "messages[].text",
                "messages[].version", "municipalityId", "municipalityName", "nationalities", "page", "pages",
                "places", "places[].address", "places[].category", "places[].city", "places[].description",
                "places[].id", "places[].language", "places[].name", "places[].openingHours", "places[].phone",
                "places[].postcode", "places[].state", "removedHouseholdIds", "role", "size", "sort", "stage",
                "tasks", "tasks[].assignee", "tasks[].completedAt", "tasks[].dueDate", "tasks[].householdId",
                "tasks[].id", "tasks[].stage", "tasks[].status", "tasks[].titles", "tasks[].titles.*",
                "tasks[].version", "total", "version"));
        // The newcomer's phone: its own household with the minimal fields (no reference, nationality, camp of
        // origin, arrival path or birth years: a lost phone should not carry them; docs/authz.md), no special
        // needs, notes, integration plan, housing or audit; its journey, appointments, conversation,
        // announcements, places and its pull.
        ALLOWED.put(DEVICE, Set.of(
                "[].address", "[].answer", "[].assignee", "[].bring", "[].byPhone",
                "[].completedAt", "[].displayName", "[].dueDate", "[].endsAt", "[].familyFriend",
                "[].familyFriend.firstName", "[].familyFriend.languages", "[].from", "[].householdId", "[].id",
                "[].interpreterLanguage", "[].languages", "[].memberIds", "[].members", "[].members[].displayName", "[].members[].id", "[].members[].languages", "[].municipalityId",
                "[].purpose", "[].sentAt", "[].sequence", "[].stage",
                "[].startsAt", "[].status", "[].text", "[].titles", "[].titles.*", "[].type", "[].version",
                "[].withName", "announcements", "announcements[].expiresOn", "announcements[].id",
                "announcements[].lang", "announcements[].publishedAt", "announcements[].state",
                "announcements[].text", "announcements[].title", "announcements[].version",
                "announcements[].withdrawn", "appointments", "appointments[].address", "appointments[].answer",
                "appointments[].bring", "appointments[].byPhone", "appointments[].endsAt",
                "appointments[].householdId", "appointments[].id", "appointments[].interpreterLanguage",
                "appointments[].memberIds", "appointments[].purpose", "appointments[].sequence",
                "appointments[].startsAt", "appointments[].status", "appointments[].type", "appointments[].version",
                "appointments[].withName", "contentVersion", "cursor",
                "deletedTaskIds", "deviceId", "displayName", "expiresAt", "familyFriend", "familyFriend.firstName",
                "familyFriend.languages", "hasMore", "householdId", "households", "households[].displayName", "households[].familyFriend",
                "households[].familyFriend.firstName", "households[].familyFriend.languages", "households[].id",
                "households[].languages", "households[].members", "households[].members[].displayName", "households[].members[].id",
                "households[].members[].languages", "households[].municipalityId", "households[].stage", "households[].version", "id", "languages",
                "meetings", "members", "members[].displayName", "members[].id",
                "members[].languages", "messages", "messages[].from", "messages[].householdId", "messages[].id",
                "messages[].sentAt", "messages[].text", "messages[].version", "municipalityId", "municipalityName",
                "places", "places[].address", "places[].category", "places[].city",
                "places[].description", "places[].id", "places[].language", "places[].name", "places[].openingHours",
                "places[].phone", "places[].postcode", "places[].state", "removedHouseholdIds", "role",
                "stage", "tasks", "tasks[].assignee", "tasks[].completedAt", "tasks[].dueDate",
                "tasks[].householdId", "tasks[].id", "tasks[].stage", "tasks[].status", "tasks[].titles",
                "tasks[].titles.*", "tasks[].version", "version"));
    }

    private final AuthzWorld world = AuthzWorld.get();

    @Test
    void aBuddyAndAPhoneReceiveOnlyTheFieldsOnTheirAllowlistAndNothingOfAnotherHousehold() {
        List<String> templates = world.context().getBean(Router.class).uriRoutes()
                .filter(route -> route.getHttpMethodName().equals("GET"))
                .map(route -> route.getUriMatchTemplate().toString())
                .filter(template -> template.startsWith("/api/"))
                .distinct().sorted().toList();
        List<String> failures = new ArrayList<>();
        Map<Role, Set<String>> seen = new EnumMap<>(Role.class);
        int responses = 0;
        int fields = 0;
        for (Role role : List.of(BUDDY, DEVICE)) {
            seen.put(role, new TreeSet<>());
            for (String template : templates) {
                Rule rule = AuthorizationMatrixTest.RULES.get("GET " + template);
                if (rule == null || !rule.allows(role, OWN) || PUBLIC.contains(template.replaceAll("\\{\\?.*}", ""))) {
                    continue;
                }
                String path = AuthorizationMatrixTest.path(world, template, OWN, rule);
                if (template.startsWith("/api/sync/pull")) {
                    continue; // below, page by page
                }
                AuthzWorld.Response response = world.send("GET", path, world.tokens.get(role), null, null);
                if (!response.contentType().startsWith("application/json")) {
                    continue; // the appointment's .ics: its fields are the appointment's, checked in JSON
                }
                responses++;
                fields += check(role, "GET " + template, response, seen.get(role), failures);
            }
            long after = 0;
            for (int page = 0; page < 50; page++) {
                AuthzWorld.Response response = world.send("GET", "/api/sync/pull?after=" + after + "&lang=en",
                        world.tokens.get(role), null, null);
                assertEquals(200, response.status(), response.body());
                responses++;
                fields += check(role, "GET /api/sync/pull", response, seen.get(role), failures);
                Map<String, Object> body = world.json(response.body());
                if (!Boolean.TRUE.equals(body.get("hasMore"))) {
                    break;
                }
                after = ((Number) body.get("cursor")).longValue();
            }
        }
        System.out.println("FieldAllowlistTest: " + responses + " responses, " + fields
                + " fields checked against the buddy and phone allowlists, " + failures.size() + " not allowed");
        assertEquals(List.of(), failures);
        assertTrue(responses > 10, "responses checked: " + responses);
    }

    /** Walks the body: every field path against the allowlist, every value against other households' ids. */
    private int check(Role role, String route, AuthzWorld.Response response, Set<String> seen, List<String> failures) {
        Set<String> strangers = new TreeSet<>();
        for (var target : List.of(SAME_MUNICIPALITY, OTHER_MUNICIPALITY)) {
            strangers.add(world.ids.get(target).get("household"));
            strangers.addAll(world.names.get(target));
        }
        int[] count = {0};
        // A family friend's own meeting log (its note is theirs, for the coordinator) is walked under its own
        // root, so that allowing it never allows a task's note, which a friend must not see.
        walk(world.jsonTree(response.body()), route.contains("/meetings") ? "meeting" : "", (path, value) -> {
            count[0]++;
            seen.add(path);
            if (!allowed(role, path)) {
                failures.add(role + " " + route + ": field " + path);
            }
            if (value instanceof String text && strangers.stream().anyMatch(text::contains)) {
                failures.add(role + " " + route + ": another household at " + path);
            }
        });
        return count[0];
    }

    static boolean allowed(Role role, String path) {
        for (String pattern : ALLOWED.get(role)) {
            if (Pattern.matches(pattern.replace(".", "\\.").replace("[]", "\\[\\]").replace("*", "[^.\\[]+"), path)) {
                return true;
            }
        }
        return false;
    }

    interface Visitor {
        void field(String path, Object value);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String path, Visitor visitor) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                visitor.field(child, entry.getValue());
                walk(entry.getValue(), child, visitor);
            }
        } else if (node instanceof List<?> list) {
            for (Object element : list) {
                walk(element, path + "[]", visitor);
            }
        }
    }
}
