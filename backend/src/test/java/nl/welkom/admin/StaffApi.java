package nl.welkom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.admin.AdminWireFormat.AccountWithCode;
import nl.welkom.admin.AdminWireFormat.MunicipalitySummary;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;

/** Shortcuts through the admin API for the tests of this package; every account and municipality is new and unique. */
final class StaffApi {
    static final String STRONG_PASSWORD = "correct horse battery staple";

    private final Api api;
    private final String adminToken;

    StaffApi(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    MunicipalitySummary municipality() {
        String slug = unique("gemeente");
        Api.Response response = api.post("/api/admin/municipalities", adminToken,
                Map.of("slug", slug, "name", "Gemeente " + slug));
        assertEquals(201, response.status(), response.body());
        return response.as(MunicipalitySummary.class);
    }

    /** A new account of {@code role}; ADMIN accounts get no municipality. */
    AccountWithCode account(String role, String municipalityId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", unique(role.toLowerCase()) + "@staff.test");
        body.put("displayName", "Test " + role);
        body.put("role", role);
        body.put("languages", List.of("nl", "en"));
        if (municipalityId != null) {
            body.put("municipalityId", municipalityId);
        }
        Api.Response response = api.post("/api/admin/users", adminToken, body);
        assertEquals(201, response.status(), response.body());
        return response.as(AccountWithCode.class);
    }

    /** Chooses {@link #STRONG_PASSWORD} with the code; returns the session. */
    Session setPassword(String code) {
        Api.Response response = api.post("/api/password/set", null, Map.of("code", code, "password", STRONG_PASSWORD));
        assertEquals(200, response.status(), response.body());
        return response.as(Session.class);
    }

    Api.Response login(String username, String password) {
        return api.post("/api/auth/login", null, new LoginRequest(username, password));
    }

    Api.Response post(String path) {
        return api.post(path, adminToken, "");
    }
}
