package nl.welkom.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.casefile.HouseholdCommand;
import nl.welkom.casefile.HouseholdDetails;
import nl.welkom.casefile.MemberCommand;
import nl.welkom.model.auth.Session;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushRequest;

/**
 * A household of Testdorp seeded through the API with canary values — unique strings no other test
 * writes — in every place the product lets people write about it: names, camp, reception location,
 * a member's birth year and date, a special need's note, a task's title and notes (the officer's and
 * the phone's), messages (the officer's and the phone's), a question, an appointment's purpose and
 * what to bring, a housing offer, an integration plan with an intake and a progress meeting, and the
 * family friend's meeting log. {@link #hits} scans every column of every table for them.
 */
final class CanaryHousehold {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String reference = "GDPR-" + tag.toUpperCase(Locale.ROOT);
    final int birthYear;
    final String birthDate;
    final List<String> canaries = new ArrayList<>();
    String id;
    String memberId;
    String taskId;
    Session phone;
    String matchId;

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_YEAR = new java.util.concurrent.atomic.AtomicInteger();

    CanaryHousehold() {
        // A birth year that no fixture and no other canary household in this JVM uses (the test classes
        // share a server, and a household that another class did not erase keeps its members).
        this.birthYear = 1920 + NEXT_YEAR.getAndIncrement() % 20;
        this.birthDate = birthYear + "-03-1" + (tag.charAt(5) % 9);
    }

    /** A new canary text, remembered for the scan. */
    String canary(String what) {
        String value = "Kanarie" + what + tag;
        canaries.add(value);
        return value;
    }

    /** Seeds everything through the API, as the Testdorp officer, a new phone and the fixture family friend. */
    CanaryHousehold seed(Api api) {
        String officer = api.login(Fixtures.OFFICER);
        String memberName = canary("Lid");
        canaries.add(reference);
        canaries.add(birthDate);
        HouseholdCommand command = new HouseholdCommand(reference, canary("Familie"), "ER", canary("Kamp"),
                "SELECTION_MISSION", null, LocalDate.now(AMSTERDAM).minusDays(30).toString(), "RECEPTION_CENTRE",
                canary("Azc"), "CIVIC_INTEGRATION", List.of("ti", "en"), null,
                List.of(new MemberCommand(memberName, birthYear, birthDate, null, List.of("ti")),
                        new MemberCommand(canary("Kind"), 2019, null, null, List.of("ti"))));
        Api.Response created = api.post("/api/households", officer, command);
        assertEquals(201, created.status(), created.body());
        HouseholdDetails details = created.as(HouseholdDetails.class);
        id = details.id();
        memberId = details.members().get(0).id();
        String base = "/api/households/" + id;

        ok(api.post(base + "/special-needs", officer, Map.of("kind", "MEDICAL", "memberId", memberId,
                "note", canary("Zorg"))));
        Api.Response task = api.post(base + "/tasks", officer, Map.of("titles", Map.of("nl", canary("Taak")),
                "assignee", "FAMILY", "note", canary("Notitie")));
        ok(task);
        taskId = (String) task.as(Map.class).get("id");
        ok(api.post(base + "/messages", officer, Map.of("text", canary("Bericht"))));

        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(2, ChronoUnit.DAYS);
        Map<String, Object> appointment = new HashMap<>();
        appointment.put("type", "TOWN_HALL");
        appointment.put("purpose", canary("Afspraak"));
        appointment.put("startsAt", start.toString());
        appointment.put("endsAt", start.plus(1, ChronoUnit.HOURS).toString());
        appointment.put("address", canary("Adres"));
        appointment.put("bring", canary("Meenemen"));
        ok(api.post(base + "/appointments", officer, appointment));

        Map<String, Object> offer = new HashMap<>();
        offer.put("street", canary("Straat"));
        offer.put("houseNumber", "12");
        offer.put("postcode", "8011 AB");
        offer.put("city", "Testdorp");
        offer.put("offeredOn", LocalDate.now(AMSTERDAM).toString());
        offer.put("rooms", 3);
        offer.put("status", "OFFERED");
        offer.put("note", canary("Woning"));
        ok(api.post(base + "/housing-offers", officer, offer));

        String integration = base + "/integration/members/" + memberId;
        ok(api.put(integration + "/obligation", officer, Map.of("obliged", true)));
        ok(api.post(integration + "/plan", officer, Map.of("route", "B1",
                "establishedOn", LocalDate.now(AMSTERDAM).minusDays(60).toString(),
                "languageSchool", canary("Taalschool"))));
        ok(api.post(integration + "/meetings", officer, Map.of("heldOn", LocalDate.now(AMSTERDAM).minusDays(2).toString(),
                "summary", canary("Voortgang"))));

        // The family's phone: a note on the task, a message and a question, pushed as a phone does.
        phone = Fixtures.device(api, reference);
        Api.Response pushed = api.post("/api/sync/push", phone.token(), new PushRequest(List.of(
                new Mutation(UUID.randomUUID().toString(), MutationType.TASK_SET_NOTE, taskId, 1,
                        "2026-12-04T09:00:00Z", canary("Telefoonnotitie")),
                new Mutation(UUID.randomUUID().toString(), MutationType.MESSAGE_SEND, id, 0,
                        "2026-12-04T09:01:00Z", canary("Telefoonbericht")),
                new Mutation(UUID.randomUUID().toString(), MutationType.QUESTION_ASK, "", 0,
                        "2026-12-04T09:02:00Z", canary("Vraag")))));
        assertEquals(200, pushed.status(), pushed.body());

        // The family friend: matched, logs a meeting.
        matchId = Fixtures.match(api, officer, id, Fixtures.buddyId(api, officer, Fixtures.BUDDY));
        String buddy = api.login(Fixtures.BUDDY);
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("date", LocalDate.now(AMSTERDAM).toString());
        meeting.put("what", canary("Ontmoeting"));
        meeting.put("taskIds", List.of());
        meeting.put("note", canary("Verslag"));
        ok(api.post(base + "/meetings", buddy, meeting));
        return this;
    }

    private static void ok(Api.Response response) {
        if (response.status() / 100 != 2) {
            throw new AssertionError(response.status() + " " + response.body());
        }
    }

    /** The result of a scan over the whole database. */
    record Scan(int tables, int columns, long rows, List<String> hits) {
    }

    /**
     * Every cell of every table (Flyway's history included) compared with the canaries: text cells
     * that contain one, and number cells equal to the canary birth year in a column named like a year.
     */
    Scan hits() {
        List<String> hits = new ArrayList<>();
        int tables = 0;
        int columns = 0;
        long rows = 0;
        try (Connection connection = TestServer.get().database()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet result = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (result.next()) {
                    names.add(result.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                tables++;
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    int count = result.getMetaData().getColumnCount();
                    columns += count;
                    while (result.next()) {
                        rows++;
                        for (int i = 1; i <= count; i++) {
                            Object value = result.getObject(i);
                            String column = result.getMetaData().getColumnName(i);
                            if (value == null) {
                                continue;
                            }
                            String text = value.toString();
                            for (String canary : canaries) {
                                if (text.contains(canary)) {
                                    hits.add(table + "." + column + " holds " + canary);
                                }
                            }
                            if (column.contains("birth") && text.equals(Integer.toString(birthYear))) {
                                hits.add(table + "." + column + " holds the birth year");
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Scan(tables, columns, rows, hits);
    }
}
