package nl.welkom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.admin.AdminWireFormat.AccountWithCode;
import nl.welkom.admin.AdminWireFormat.MunicipalitySummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every admin endpoint refuses every caller but an administrator: officers (of any municipality),
 * editors, buddies and newcomers' phones get 403, anonymous requests 401, and a refused request
 * changes nothing.
 */
class AdminAuthorisationTest {
    private static final TestServer SERVER = TestServer.get();
    private static final Api API = new Api(SERVER);
    private static String municipalityId;
    private static String userId;
    private static Map<String, String> tokens;

    @BeforeAll
    static void setUp() {
        String admin = API.login(Fixtures.ADMIN);
        StaffApi staff = new StaffApi(API, admin);
        MunicipalitySummary municipality = staff.municipality();
        municipalityId = municipality.id();
        AccountWithCode account = staff.account("OFFICER", municipality.id());
        userId = account.account().id();
        tokens = Map.of(
                "officer", API.login(Fixtures.OFFICER),
                "officer of another municipality", API.login(Fixtures.OTHER_OFFICER),
                "editor", API.login(Fixtures.EDITOR),
                "buddy", API.login(Fixtures.BUDDY),
                "newcomer's phone", Fixtures.device(API, "T-SCOPE").token());
    }

    /** Every endpoint of the admin API: method, path, body. */
    static List<String[]> endpoints() {
        return List.of(
                new String[] {"GET", "/api/admin/municipalities", null},
                new String[] {"POST", "/api/admin/municipalities", "{\"slug\":\"refused-town\",\"name\":\"Refused\"}"},
                new String[] {"PATCH", "/api/admin/municipalities/{municipality}", "{\"name\":\"Refused name\"}"},
                new String[] {"GET", "/api/admin/users", null},
                new String[] {"GET", "/api/admin/users?municipalityId={municipality}", null},
                new String[] {"GET", "/api/admin/users/{user}", null},
                new String[] {"POST", "/api/admin/users", "{\"username\":\"refused@staff.test\",\"displayName\":\"R\","
                        + "\"role\":\"OFFICER\",\"municipalityId\":\"{municipality}\",\"languages\":[\"nl\"]}"},
                new String[] {"POST", "/api/admin/users/{user}/deactivate", ""},
                new String[] {"POST", "/api/admin/users/{user}/reactivate", ""},
                new String[] {"POST", "/api/admin/users/{user}/reset", ""});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyRoleButAdministratorIsForbiddenAndAnonymousIsUnauthorised(String method, String path, String body) {
        String resolved = path.replace("{municipality}", municipalityId).replace("{user}", userId);
        String json = body == null ? null : body.replace("{municipality}", municipalityId);
        String[] headers = json == null ? new String[0] : new String[] {"Content-Type", "application/json"};

        tokens.forEach((who, token) ->
                assertEquals(403, send(method, resolved, token, json, headers).problem(403).status(), who));
        send(method, resolved, null, json, headers).problem(401);
    }

    @Test
    void refusedRequestsChangedNothing() {
        for (String[] endpoint : endpoints()) {
            everyRoleButAdministratorIsForbiddenAndAnonymousIsUnauthorised(endpoint[0], endpoint[1], endpoint[2]);
        }

        assertEquals(0, SERVER.queryLong("SELECT COUNT(*) FROM municipality WHERE slug = 'refused-town'"));
        assertEquals(0, SERVER.queryLong("SELECT COUNT(*) FROM municipality WHERE name = 'Refused name'"));
        assertEquals(0, SERVER.queryLong("SELECT COUNT(*) FROM app_user WHERE username = 'refused@staff.test'"));
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM app_user WHERE id = ? AND active = TRUE", userId));
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM password_code WHERE user_id = ?", userId),
                "no reset made a second code");
        assertEquals(0, SERVER.queryLong("SELECT COUNT(*) FROM audit_event WHERE subject_id = ? AND action <> 'staff.create'",
                userId));
    }

    private static Api.Response send(String method, String path, String token, String body, String... headers) {
        return API.send(method, path, token, body, headers);
    }
}
