package nl.welkom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Family-friend suggestions (docs/matching.md) against the size of the volunteer pool: two databases,
 * each with {@code households} households in Zwolle, one with {@code small} ACTIVE volunteers in Zwolle
 * and one with {@code large}; every volunteer has a BUDDY account, one to three languages and up to two
 * active matches. Both servers run at once and are timed in alternating rounds (like {@link PullBench})
 * on {@code GET /api/households/{id}/buddy-suggestions} for one Zwolle household.
 */
final class MatchingBench {
    static final String ZWOLLE_OFFICER = "officer@zwolle.demo";
    static final String PASSWORD = "welkom-demo";
    private static final List<String> LANGUAGES = List.of("ti", "ar", "fa", "prs", "so", "sw", "fr", "en", "nl", "ps",
            "am", "ku");
    private static final List<String> LEVELS = List.of("BASIC", "GOOD", "FLUENT", "NATIVE");

    private final Path backendJar;
    private final Path work;
    private final int households;
    private final int small;
    private final int large;
    private final int measured;
    private final int warmup;

    MatchingBench(Path backendJar, Path work, int households, int small, int large, int measured, int warmup) {
        this.backendJar = backendJar;
        this.work = work;
        this.households = households;
        this.small = small;
        this.large = large;
        this.measured = measured;
        this.warmup = warmup;
    }

    private record Database(String key, int volunteers, Path data, JsonObject info) {
        Path db() {
            return data.resolve("welkom.db");
        }
    }

    JsonObject run() throws Exception {
        Path baseData = work.resolve("matching-base").resolve("data");
        log("matching: creating the base database (backend start + stop)");
        try (Backend base = new Backend(backendJar, baseData, "matching-base", List.of())) {
            base.start();
        }
        List<Database> databases = List.of(
                new Database("A", small, work.resolve("matching-small").resolve("data"), new JsonObject()),
                new Database("B", large, work.resolve("matching-large").resolve("data"), new JsonObject()));
        String householdId = null;
        for (Database d : databases) {
            PullBench.copyDir(baseData, d.data());
            try (Connection db = Filler.open(d.db())) {
                log("matching: filling " + households + " households and " + d.volunteers() + " volunteers");
                CaseloadFiller.fill(db, Map.of("zwolle", households), 20261204L);
                fillVolunteers(db, d.volunteers(), 20261205L);
                Filler.checkpoint(db);
                for (String table : List.of("household", "volunteer", "volunteer_language", "buddy_match")) {
                    d.info().addProperty(table + "Rows", Filler.count(db, table));
                }
                // The same household in both databases: the demo's Familie Al-Khatib (Arabic), never matched.
                householdId = Filler.householdIdByReference(db, CaseloadFiller.TEMPLATE_REFERENCE);
            }
            d.info().addProperty("dbBytes", Files.size(d.db()));
        }
        OkHttpClient http = new OkHttpClient.Builder().build();
        Map<Database, Backend> backends = new LinkedHashMap<>();
        Map<Database, String> tokens = new LinkedHashMap<>();
        JsonObject out = new JsonObject();
        try {
            for (Database d : databases) {
                Backend backend = new Backend(backendJar, d.data(), "matching-" + d.key(), List.of());
                backend.start();
                backends.put(d, backend);
                tokens.put(d, OfficerApi.login(backend.baseUrl(), ZWOLLE_OFFICER, PASSWORD).token());
            }
            log("matching: warming up (" + warmup + " requests on each server)");
            for (int i = 0; i < warmup; i++) {
                for (Database d : databases) {
                    PullBench.time(http, request(backends.get(d), tokens.get(d), householdId));
                }
            }
            Map<Database, long[]> times = new LinkedHashMap<>();
            databases.forEach(d -> times.put(d, new long[measured]));
            int[] filled = new int[databases.size()];
            for (int round = 0; filled[0] < measured || filled[1] < measured; round++) {
                for (int j = 0; j < databases.size(); j++) {
                    int index = round % 2 == 0 ? j : databases.size() - 1 - j;
                    Database d = databases.get(index);
                    for (int r = 0; r < PullBench.ROUND && filled[index] < measured; r++) {
                        times.get(d)[filled[index]++] = PullBench.time(http, request(backends.get(d), tokens.get(d),
                                householdId));
                    }
                }
            }
            for (Database d : databases) {
                String body = PullBench.body(http, request(backends.get(d), tokens.get(d), householdId));
                JsonObject o = PullBench.stats(Stats.of(times.get(d)), body.length());
                o.addProperty("volunteers", d.volunteers());
                o.add("database", d.info());
                out.add(d.key(), o);
            }
            out.addProperty("ratioP95BA", PullBench.round(out.getAsJsonObject("B").get("p95Ms").getAsDouble()
                    / out.getAsJsonObject("A").get("p95Ms").getAsDouble(), 2));
            out.addProperty("ratioMedianBA", PullBench.round(out.getAsJsonObject("B").get("medianMs").getAsDouble()
                    / out.getAsJsonObject("A").get("medianMs").getAsDouble(), 2));
        } finally {
            for (Backend backend : backends.values()) {
                backend.stop();
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        out.addProperty("households", households);
        out.addProperty("measured", measured);
        out.addProperty("warmup", warmup);
        return out;
    }

    /**
     * {@code count} ACTIVE volunteers of Zwolle, each with a BUDDY account (copied from the demo buddy),
     * one to three languages, a maximum of one to three households and up to two active matches with
     * households of Zwolle.
     */
    static void fillVolunteers(Connection c, int count, long seed) throws SQLException {
        Random random = new Random(seed);
        Map<String, Object> buddy = Filler.one(c, "SELECT * FROM app_user WHERE username = ?",
                CaseloadFiller.TEMPLATE_BUDDY);
        String municipalityId = (String) buddy.get("municipality_id");
        List<String> userColumns = Filler.columns(c, "app_user");
        List<String> householdIds = new ArrayList<>();
        for (Map<String, Object> row : Filler.all(c, "SELECT id FROM household WHERE municipality_id = ?"
                + " AND reference <> '" + CaseloadFiller.TEMPLATE_REFERENCE + "'", municipalityId)) {
            householdIds.add((String) row.get("id"));
        }
        long now = System.currentTimeMillis();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        try (PreparedStatement user = c.prepareStatement(Filler.insertSql("app_user", userColumns));
             PreparedStatement volunteer = c.prepareStatement("INSERT INTO volunteer (id, municipality_id, first_name,"
                     + " last_name, email, phone, postcode, hours_per_week, interests, prefers, gender, max_households,"
                     + " state, vog_date, user_id, created_at, updated_at)"
                     + " VALUES (?, ?, ?, ?, ?, '06 1234 5678', ?, ?, '', ?, ?, ?, 'ACTIVE', '2026-01-15', ?, ?, ?)");
             PreparedStatement language = c.prepareStatement(
                     "INSERT INTO volunteer_language (volunteer_id, lang, level) VALUES (?, ?, ?)");
             PreparedStatement match = c.prepareStatement("INSERT INTO buddy_match (id, buddy_user_id, household_id,"
                     + " started_at, ended_at) VALUES (?, ?, ?, ?, NULL)")) {
            for (int i = 0; i < count; i++) {
                String userId = UUID.randomUUID().toString();
                String email = "bench-volunteer-" + i + "@zwolle.bench";
                Map<String, Object> row = new LinkedHashMap<>(buddy);
                row.put("id", userId);
                row.put("username", email);
                row.put("display_name", "Vrijwilliger " + i);
                row.put("created_at", now);
                Filler.bind(user, userColumns, row);
                user.addBatch();
                String id = UUID.randomUUID().toString();
                int max = 1 + random.nextInt(3);
                volunteer.setString(1, id);
                volunteer.setString(2, municipalityId);
                volunteer.setString(3, "Vrijwilliger");
                volunteer.setString(4, CaseloadFiller.SURNAMES.get(random.nextInt(CaseloadFiller.SURNAMES.size())) + i);
                volunteer.setString(5, email);
                volunteer.setString(6, random.nextBoolean() ? String.format("%04dAB", 8000 + random.nextInt(50)) : null);
                volunteer.setInt(7, 1 + random.nextInt(8));
                volunteer.setString(8, List.of("", "FAMILY", "SINGLE_PARENT", "YOUNG_PEOPLE,FAMILY")
                        .get(random.nextInt(4)));
                volunteer.setString(9, random.nextBoolean() ? "WOMAN" : "MAN");
                volunteer.setInt(10, max);
                volunteer.setString(11, userId);
                volunteer.setLong(12, now);
                volunteer.setLong(13, now);
                volunteer.addBatch();
                List<String> spoken = new ArrayList<>(LANGUAGES);
                java.util.Collections.shuffle(spoken, random);
                for (String lang : spoken.subList(0, 1 + random.nextInt(3))) {
                    language.setString(1, id);
                    language.setString(2, lang);
                    language.setString(3, LEVELS.get(random.nextInt(LEVELS.size())));
                    language.addBatch();
                }
                for (int m = random.nextInt(Math.min(max, 2) + 1); m > 0 && !householdIds.isEmpty(); m--) {
                    match.setString(1, UUID.randomUUID().toString());
                    match.setString(2, userId);
                    match.setString(3, householdIds.get(random.nextInt(householdIds.size())));
                    match.setLong(4, now);
                    match.addBatch();
                }
            }
            user.executeBatch();
            volunteer.executeBatch();
            language.executeBatch();
            match.executeBatch();
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
        } catch (SQLException e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            }
            throw e;
        }
    }

    private static Request request(Backend backend, String token, String householdId) {
        return new Request.Builder().url(backend.baseUrl() + "/api/households/" + householdId + "/buddy-suggestions")
                .header("Authorization", "Bearer " + token).build();
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
