package nl.welkom.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.TestServer;

/** Shortcuts for the case-file tests: households made through the API, each with a reference of its own. */
final class Households {
    private Households() {
    }

    /** A reference no other test uses. */
    static String reference(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static MemberCommand member(String name, Integer birthYear, String... languages) {
        return new MemberCommand(name, birthYear, null, null, List.of(languages));
    }

    static HouseholdCommand household(String reference, String name, MemberCommand... members) {
        return new HouseholdCommand(reference, name, "ER", "Shire, Ethiopia", "SELECTION_MISSION", "2027-03-15", null,
                "RECEPTION_CENTRE", "azc Budel", null, List.of("ti", "en"), null, List.of(members));
    }

    /** Creates the household as {@code officerToken}'s officer and returns its case file. */
    static HouseholdDetails create(Api api, String officerToken, HouseholdCommand command) {
        Api.Response response = api.post("/api/households", officerToken, command);
        assertEquals(201, response.status(), response.body());
        return response.as(HouseholdDetails.class);
    }

    static long count(String sql, Object... parameters) {
        return TestServer.get().queryLong(sql, parameters);
    }

    static long audits(String action, String householdId) {
        return count("SELECT count(*) FROM audit_event WHERE action = ? AND household_id = ?", action, householdId);
    }
}
