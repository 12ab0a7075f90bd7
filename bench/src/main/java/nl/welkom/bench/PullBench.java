package nl.welkom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The server's cost of a delta pull against how much data exists: two copies of the same database,
 * one with {@code small} filler task rows and one with {@code large}, each served by its own
 * backend process. Both servers run at once and are measured in alternating rounds, so that a
 * slow moment of this shared machine hits both series alike; the figure that matters is the
 * ratio large/small, not the milliseconds.
 */
final class PullBench {
    static final String HOUSEHOLD_REFERENCE = "WLK-2026-0002"; // Familie Al-Khatib
    static final int TASKS_PER_FILLER_HOUSEHOLD = 100;
    /** Requests per kind and server in one round; servers alternate between rounds. */
    static final int ROUND = 5;

    private final Path backendJar;
    private final Path work;
    private final int small;
    private final int large;
    private final int measured;
    private final int warmup;
    private final Postgres postgres;

    /** {@code postgres}: null for SQLite, else the server each filled database is moved to before measuring. */
    PullBench(Path backendJar, Path work, int small, int large, int measured, int warmup, Postgres postgres) {
        this.postgres = postgres;
        this.backendJar = backendJar;
        this.work = work;
        this.small = small;
        this.large = large;
        this.measured = measured;
        this.warmup = warmup;
    }

    /** One database and the server on it. */
    private static final class Target {
        final String label;
        final int rows;
        final Path data;
        Backend backend;
        String postgresUrl;
        String householdId;
        String token;
        long headBeforeChange;
        long head;
        final JsonObject info = new JsonObject();

        Target(String label, int rows, Path data) {
            this.label = label;
            this.rows = rows;
            this.data = data;
        }

        Path db() {
            return data.resolve("welkom.db");
        }
    }

    /** One kind of request measured on both servers. */
    private record Kind(String name, String key) {
    }

    JsonObject run() throws Exception {
        JsonObject out = new JsonObject();

        // 1. A fresh database with the migrations and the demo data, made by the backend itself.
        Path baseData = work.resolve("pull-base").resolve("data");
        Backend base = new Backend(backendJar, baseData, "pull-base", List.of());
        log("pull: creating the base database (backend start + stop)");
        try (base) {
            base.start();
        }

        // 2. Two copies, filled with filler households and tasks in one transaction each.
        List<Target> targets = List.of(
                new Target(label(small), small, work.resolve("pull-" + label(small)).resolve("data")),
                new Target(label(large), large, work.resolve("pull-" + label(large)).resolve("data")));
        for (Target t : targets) {
            copyDir(baseData, t.data);
            try (Connection db = Filler.open(t.db())) {
                t.householdId = Filler.householdIdByReference(db, HOUSEHOLD_REFERENCE);
                int households = Math.max(1, t.rows / TASKS_PER_FILLER_HOUSEHOLD);
                log("pull: filling " + t.label + ": " + t.rows + " task rows over " + households + " households");
                Filler.Inserted ins = Filler.insert(db, t.householdId, households, t.rows, true);
                Filler.checkpoint(db);
                t.info.addProperty("fillerHouseholds", ins.households());
                t.info.addProperty("fillerTasks", ins.tasks());
                t.info.addProperty("fillerTitles", ins.titles());
                t.info.addProperty("fillSeconds", round(ins.seconds(), 1));
                t.info.addProperty("taskRows", Filler.count(db, "task"));
                t.info.addProperty("taskTitleRows", Filler.count(db, "task_title"));
                t.info.addProperty("householdRows", Filler.count(db, "household"));
                t.info.addProperty("changeSeqHead", Filler.lastSeq(db));
            }
            t.info.addProperty("dbBytes", Files.size(t.db()));
            if (postgres != null) {
                Postgres.Moved moved = postgres.moveInto(backendJar, t.data, "pull_" + t.label.toLowerCase(java.util.Locale.ROOT));
                t.postgresUrl = moved.url();
                t.info.addProperty("moveSeconds", round(moved.seconds(), 1));
            }
            log("pull: " + t.label + " " + t.info);
        }

        // 3. Both servers up; a phone activated on each and pulled to the head; one change.
        OkHttpClient http = new OkHttpClient.Builder().build();
        try {
            for (Target t : targets) {
                t.backend = new Backend(backendJar, t.data, "pull-" + t.label, List.of());
                if (t.postgresUrl != null) {
                    Postgres.point(t.backend, t.postgresUrl);
                }
                t.backend.start();
                prepare(t, http);
            }

            // 4. Measure, alternating servers, after warming both up on every kind (JIT: the first
            //    thousand requests of a fresh JVM are slower, and compile threads compete for 2 cores).
            List<Kind> kinds = List.of(
                    new Kind("GET /health (baseline: no table read)", "health"),
                    new Kind("Delta pull, 1 changed task (pull?after=<cursor before the change>)", "delta"),
                    new Kind("Up-to-date pull, empty page (pull?after=<head>)", "empty"),
                    new Kind("Full pull of the household (pull?after=0)", "full"));
            log("pull: warming up both servers (" + warmup + " rounds of every kind)");
            for (int i = 0; i < warmup; i++) {
                for (Target t : targets) {
                    for (Kind kind : kinds) {
                        time(http, request(t, kind.key()));
                    }
                }
            }
            JsonArray results = new JsonArray();
            for (Kind kind : kinds) {
                log("pull: measuring " + kind.key());
                Map<Target, long[]> times = new LinkedHashMap<>();
                Map<Target, Integer> bodyBytes = new LinkedHashMap<>();
                for (Target t : targets) {
                    times.put(t, new long[measured]);
                    for (int i = 0; i < 50; i++) {
                        time(http, request(t, kind.key()));
                    }
                    bodyBytes.put(t, body(http, request(t, kind.key())).length());
                }
                int[] filled = new int[targets.size()];
                for (int round = 0; filled[0] < measured; round++) {
                    for (int j = 0; j < targets.size(); j++) {
                        int index = (round % 2 == 0) ? j : targets.size() - 1 - j;
                        Target t = targets.get(index);
                        long[] series = times.get(t);
                        for (int r = 0; r < ROUND && filled[index] < measured; r++) {
                            series[filled[index]++] = time(http, request(t, kind.key()));
                        }
                    }
                }
                JsonObject row = new JsonObject();
                row.addProperty("kind", kind.name());
                row.addProperty("key", kind.key());
                Stats s = Stats.of(times.get(targets.get(0)));
                Stats l = Stats.of(times.get(targets.get(1)));
                row.add("small", stats(s, bodyBytes.get(targets.get(0))));
                row.add("large", stats(l, bodyBytes.get(targets.get(1))));
                row.addProperty("ratioMedian", round(l.median() / s.median(), 2));
                row.addProperty("ratioP95", round(l.p95() / s.p95(), 2));
                results.add(row);
            }
            // Net of the baseline: what the pull adds to an HTTP round trip that reads no table.
            JsonObject health = results.get(0).getAsJsonObject();
            for (int i = 1; i < results.size(); i++) {
                JsonObject row = results.get(i).getAsJsonObject();
                double netSmall = median(row, "small") - median(health, "small");
                double netLarge = median(row, "large") - median(health, "large");
                row.addProperty("netOfHealthSmallMs", round(netSmall, 3));
                row.addProperty("netOfHealthLargeMs", round(netLarge, 3));
            }
            out.add("kinds", results);

            // The delta pull must still be a delta pull after all those requests.
            for (Target t : targets) {
                JsonObject page = JsonParser.parseString(body(http, request(t, "delta"))).getAsJsonObject();
                t.info.addProperty("deltaPullTasks", page.getAsJsonArray("tasks").size());
                t.info.addProperty("deltaPullCursor", page.get("cursor").getAsLong());
            }
        } finally {
            for (Target t : targets) {
                if (t.backend != null) {
                    t.backend.stop();
                }
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }

        // 5. The SQL a pull runs, as the server logs it, and SQLite's plan for it on each database.
        if (postgres == null) {
            out.add("plans", plans(targets));
        }
        out.addProperty("database", postgres == null ? "SQLite" : "PostgreSQL");

        JsonObject dbs = new JsonObject();
        for (Target t : targets) {
            dbs.add(t.label, t.info);
        }
        out.add("databases", dbs);
        out.addProperty("smallRows", small);
        out.addProperty("largeRows", large);
        out.addProperty("measuredPerKindAndServer", measured);
        out.addProperty("warmupRoundsOfEveryKind", warmup);
        return out;
    }

    /** Activates a phone (real client) for the household, pulls to the head, makes one change. */
    private void prepare(Target t, OkHttpClient http) throws Exception {
        OfficerApi officer = OfficerApi.login(t.backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        String code = officer.createActivationCode(t.householdId);
        Path phoneDir = t.data.resolveSibling("phone");
        Files.createDirectories(phoneDir);
        try (SqliteLocalStore store = SqliteLocalStore.open(phoneDir.resolve("welkom.db").toFile())) {
            Welkom welkom = Welkom.builder().baseUrl(t.backend.baseUrl()).store(store).build();
            welkom.activate(code, "Bench phone " + t.label);
            welkom.setLanguages(List.of("ar"));
            welkom.sync(SyncListener.NONE);
            t.token = welkom.session().orElseThrow().token();
            t.info.addProperty("tasksOnPhone", welkom.journey().tasks().size());
        }
        // The head as the server sees it, with the bench's own client.
        long cursor = 0;
        while (true) {
            JsonObject page = JsonParser.parseString(body(http, pull(t, cursor))).getAsJsonObject();
            cursor = Math.max(cursor, page.get("cursor").getAsLong());
            if (!page.get("hasMore").getAsBoolean()) {
                break;
            }
        }
        t.headBeforeChange = cursor;
        officer.toggle(officer.tasks(t.householdId).get(0).getAsJsonObject());
        JsonObject delta = JsonParser.parseString(body(http, pull(t, cursor))).getAsJsonObject();
        t.head = delta.get("cursor").getAsLong();
        if (delta.getAsJsonArray("tasks").size() != 1 || t.head <= t.headBeforeChange) {
            throw new IllegalStateException("Expected a delta of one task on " + t.label + ", got " + delta);
        }
        t.info.addProperty("cursorBeforeChange", t.headBeforeChange);
        t.info.addProperty("cursorAfterChange", t.head);
    }

    private static Request request(Target t, String key) {
        switch (key) {
            case "health":
                return new Request.Builder().url(t.backend.baseUrl() + "/health").build();
            case "delta":
                return pull(t, t.headBeforeChange);
            case "empty":
                return pull(t, t.head);
            case "full":
                return pull(t, 0);
            default:
                throw new IllegalArgumentException(key);
        }
    }

    private static Request pull(Target t, long after) {
        return new Request.Builder().url(t.backend.baseUrl() + "/api/sync/pull?after=" + after)
                .header("Authorization", "Bearer " + t.token).build();
    }

    static long time(OkHttpClient http, Request request) throws IOException {
        long start = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            response.body().bytes();
            long elapsed = System.nanoTime() - start;
            if (response.code() != 200) {
                throw new IOException(request.url() + " answered " + response.code());
            }
            return elapsed;
        }
    }

    static String body(OkHttpClient http, Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() != 200) {
                throw new IOException(request.url() + " answered " + response.code() + ": " + text);
            }
            return text;
        }
    }

    // ---- query plans ------------------------------------------------------------------------

    private static final Pattern LOGGED_SQL = Pattern.compile("Executing (?:Query|SQL query|SQL Insert|SQL Update)[^:]*: (.*)");

    /**
     * Starts the large database's server once more with Micronaut Data's query logger at DEBUG,
     * sends one delta pull, and explains every statement that pull executed on both databases.
     * Falls back to the statements of the pull path as written in the repositories when the log
     * shows none.
     */
    private JsonObject plans(List<Target> targets) throws Exception {
        Target large = targets.get(1);
        List<String> statements = new ArrayList<>();
        try (Backend b = new Backend(backendJar, large.data, "pull-plan",
                List.of("-Dlogger.levels.io.micronaut.data.query=DEBUG"))) {
            b.start();
            long before = Files.size(b.log());
            OkHttpClient http = new OkHttpClient();
            String url = b.baseUrl() + "/api/sync/pull?after=" + large.headBeforeChange;
            body(http, new Request.Builder().url(url).header("Authorization", "Bearer " + large.token).build());
            Thread.sleep(300);
            b.stop();
            String log = b.output();
            String tail = log.substring((int) Math.min(before, log.length()));
            Set<String> seen = new LinkedHashSet<>();
            for (String line : tail.split("\n")) {
                Matcher m = LOGGED_SQL.matcher(line);
                if (m.find()) {
                    seen.add(m.group(1).trim());
                }
            }
            statements.addAll(seen);
            http.connectionPool().evictAll();
        }
        boolean captured = !statements.isEmpty();
        if (!captured) {
            statements.add("SELECT * FROM task WHERE household_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?");
            statements.add("SELECT * FROM household WHERE id = ?");
            statements.add("SELECT * FROM task_title WHERE task_id IN (?)");
        }
        JsonObject out = new JsonObject();
        out.addProperty("capturedFromServerLog", captured);
        JsonArray list = new JsonArray();
        for (String sql : statements) {
            JsonObject o = new JsonObject();
            o.addProperty("sql", sql);
            for (Target t : targets) {
                JsonArray plan = new JsonArray();
                try (Connection db = Filler.open(t.db())) {
                    for (String step : Filler.explain(db, sql)) {
                        plan.add(step);
                    }
                } catch (Exception e) {
                    plan.add("(not explainable: " + e.getMessage() + ")");
                }
                o.add(t.label, plan);
            }
            list.add(o);
        }
        out.add("statements", list);
        return out;
    }

    // ---- helpers ----------------------------------------------------------------------------

    static String label(int rows) {
        if (rows >= 1_000_000 && rows % 1_000_000 == 0) {
            return (rows / 1_000_000) + "M";
        }
        if (rows >= 1000 && rows % 1000 == 0) {
            return (rows / 1000) + "k";
        }
        return Integer.toString(rows);
    }

    private static double median(JsonObject row, String side) {
        return row.getAsJsonObject(side).get("medianMs").getAsDouble();
    }

    static JsonObject stats(Stats s, int bodyBytes) {
        JsonObject o = new JsonObject();
        o.addProperty("n", s.n());
        o.addProperty("medianMs", round(s.median(), 3));
        o.addProperty("p95Ms", round(s.p95(), 3));
        o.addProperty("minMs", round(s.min(), 3));
        o.addProperty("maxMs", round(s.max(), 3));
        o.addProperty("bodyChars", bodyBytes);
        return o;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
