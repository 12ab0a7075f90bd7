package nl.welkom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.welkom.Api;
import org.junit.jupiter.api.Test;

class HealthAndDocsTest {
    private final Api api = new Api();

    @Test
    void healthAnswersUpToAnyone() {
        Api.Response response = api.get("/health", null);

        assertEquals(200, response.status());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        Api.Response spec = api.get("/swagger/welkom-0.1.yml", null);
        assertEquals(200, spec.status());
        assertTrue(spec.body().contains("/api/sync/pull"), "documents the sync endpoints");

        assertEquals(200, api.get("/swagger-ui/index.html", null).status());
    }

    @Test
    void managementEndpointsOtherThanHealthAreOff() {
        assertEquals(404, api.get("/beans", null).status());
        assertEquals(404, api.get("/env", null).status());
    }
}
