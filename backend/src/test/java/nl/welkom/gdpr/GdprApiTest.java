package nl.welkom.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GdprApiTest {
    private static final Api API = new Api();
    private CanaryHousehold household;

    @BeforeAll
    void seed() {
        household = new CanaryHousehold().seed(API);
    }

    /** The test classes share a server: the canary household (matched with the fixture friend) goes. */
    @AfterAll
    void erase() {
        API.post("/api/households/" + household.id + "/erase", API.login(Fixtures.OFFICER),
                Map.of("confirmReference", household.reference));
    }

    @Test
    void theOfficerExportsEveryTableThatNamesTheHouseholdAsAJsonFileAndTheExportIsAudited() throws SQLException {
        String officer = API.login(Fixtures.OFFICER);
        long audited = exports();

        Api.Response response = API.get("/api/households/" + household.id + "/export", officer);

        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        assertTrue(response.header("Content-Disposition").contains("attachment; filename=\"welkom-export-GDPR-"),
                response.header("Content-Disposition"));
        Map<?, ?> document = response.as(Map.class);
        assertEquals("welkom.household-export", document.get("format"));
        Map<?, ?> tables = (Map<?, ?>) document.get("tables");
        try (Connection connection = TestServer.get().database()) {
            for (HouseholdTables.Table table : HouseholdTables.read(connection).reached()) {
                assertTrue(tables.containsKey(table.name()), "no section for " + table.name());
            }
        }
        List<String> stored = household.hits().hits();
        for (String canary : household.canaries) {
            boolean inDatabase = stored.stream().anyMatch(hit -> hit.endsWith(" " + canary));
            assertEquals(inDatabase, response.body().contains(canary), canary + " in the database and the export");
        }
        assertTrue(stored.size() >= household.canaries.size(), stored.toString());
        assertEquals(1, ((List<?>) tables.get("household")).size());
        assertEquals(2, ((List<?>) tables.get("member")).size());
        assertFalse(((List<?>) tables.get("audit_event")).isEmpty());
        assertFalse(((List<?>) tables.get("auth_token")).isEmpty());
        assertFalse(response.body().contains("\"token_hash\":"), "keyed hashes are withheld");
        assertFalse(response.body().contains("\"code_hash\":"), "keyed hashes are withheld");
        assertEquals(audited + 1, exports());
    }

    @Test
    void nobodyButAnOfficerOfTheMunicipalityExportsOrErasesAndARefusalChangesNothing() {
        String path = "/api/households/" + household.id;
        Map<String, String> confirm = Map.of("confirmReference", household.reference);
        int stored = household.hits().hits().size();
        long audited = exports();

        String other = API.login(Fixtures.OTHER_OFFICER);
        API.get(path + "/export", other).problem(404);
        API.post(path + "/erase", other, confirm).problem(404);
        for (String username : List.of(Fixtures.BUDDY, Fixtures.EDITOR, Fixtures.ADMIN)) {
            String token = API.login(username);
            API.get(path + "/export", token).problem(403);
            API.post(path + "/erase", token, confirm).problem(403);
        }
        API.get(path + "/export", household.phone.token()).problem(403);
        API.post(path + "/erase", household.phone.token(), confirm).problem(403);
        API.get(path + "/export", null).problem(401);
        API.post(path + "/erase", null, confirm).problem(401);
        API.get("/api/households/no-such-household/export", API.login(Fixtures.OFFICER)).problem(404);

        assertEquals(stored, household.hits().hits().size());
        assertEquals(audited, exports());
        assertEquals(200, API.get(path, API.login(Fixtures.OFFICER)).status());
    }

    private long exports() {
        return TestServer.get().queryLong("SELECT count(*) FROM audit_event WHERE action = ? AND household_id = ?",
                HouseholdExport.EXPORT, household.id);
    }
}
