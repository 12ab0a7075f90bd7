package nl.welkom.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.model.Problem;
import org.junit.jupiter.api.Test;

class ProblemApiTest {
    private final Api api = new Api();

    @Test
    void malformedJsonIsA400Problem() {
        Problem problem = api.post("/api/auth/login", null, "{\"username\": ").problem(400);

        assertTrue(problem.type().endsWith("/bad-request"));
        assertFalse(problem.detail().contains("Exception"), problem.detail());
    }

    @Test
    void anUnknownEnumValueIsA400Problem() {
        String officer = api.login(Fixtures.OFFICER);

        api.put("/api/tasks/any/status", officer, "{\"status\":\"MAYBE\",\"baseVersion\":1}").problem(400);
    }

    @Test
    void aMissingFieldIsA400ProblemNamingTheField() {
        String officer = api.login(Fixtures.OFFICER);

        Problem problem = api.put("/api/tasks/any/status", officer, "{\"status\":\"DONE\"}").problem(400);

        assertTrue(problem.detail().contains("baseVersion"), problem.detail());
    }

    @Test
    void anUnreadableAcceptLanguageHeaderIsIgnoredNotA500() {
        String officer = api.login(Fixtures.OFFICER);

        for (String header : new String[] {";", ";;", "en, ;"}) {
            Api.Response households = api.get("/api/households", officer, "Accept-Language", header);
            assertEquals(200, households.status(), header + " -> " + households.body());
            Api.Response content = api.get("/api/content", null, "Accept-Language", header);
            assertEquals(200, content.status(), header + " -> " + content.body());
        }
    }

    @Test
    void aMissingBodyIsA400Problem() {
        api.send("POST", "/api/auth/login", null, null, "Content-Type", "application/json").problem(400);
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        api.get("/api/nothing-here", null).problem(404);
    }

    @Test
    void aWrongMethodIsA405Problem() {
        api.send("DELETE", "/api/languages", null, null).problem(405);
    }

    @Test
    void aWrongMediaTypeIsA415Problem() {
        api.send("POST", "/api/auth/login", null, "username=x", "Content-Type", "text/plain").problem(415);
    }

    @Test
    void aRoleWithoutRightsGetsA403Problem() {
        api.put("/api/tasks/any/status", api.login(Fixtures.BUDDY), "{\"status\":\"DONE\",\"baseVersion\":1}")
                .problem(403);
    }

    @Test
    void aTokenOfAnotherKindGetsA403ProblemForDeviceEndpoints() {
        api.get("/api/sync/pull", api.login(Fixtures.OFFICER)).problem(403);
    }
}
