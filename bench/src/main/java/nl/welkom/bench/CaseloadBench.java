package nl.welkom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The officer's household list (docs/caseload.md) against how much data exists: one database with
 * {@code small} households, all in Zwolle, and one with {@code large}, of which {@code own} are in
 * Zwolle and {@code small} in Deventer, the rest spread over other municipalities. Three series are
 * measured, both servers up at once and in alternating rounds (like {@link PullBench}):
 * <ul>
 *   <li>A: the Zwolle officer on the small database (a caseload of {@code small});</li>
 *   <li>B: the Deventer officer on the large database (the same caseload size, 100 times the data);</li>
 *   <li>C: the Zwolle officer on the large database (a caseload of {@code own}).</li>
 * </ul>
 * B/A shows what the size of the database costs (nothing, if every query is scoped by an index);
 * C/A what a larger caseload costs. Then the servers run once more with the caseload's SQL logged,
 * to count the statements of each page on both databases and explain them.
 */
final class CaseloadBench {
    static final String ZWOLLE_OFFICER = "officer@zwolle.demo";
    static final String DEVENTER_OFFICER = "officer@deventer.demo";
    static final String PASSWORD = "welkom-demo";
    /** Households per municipality outside Zwolle and Deventer in the large database. */
    static final int PER_OTHER_MUNICIPALITY = 2000;
    private static final Pattern COUNT = Pattern.compile("id=\"caseload-count\">([^<]*)<");
    private static final Pattern LOGGED = Pattern.compile("(?:Caseload SQL|Executing (?:Query|SQL query|SQL Insert"
            + "|SQL Update)[^:]*): (.*)");

    private final Path backendJar;
    private final Path work;
    private final int small;
    private final int large;
    private final int own;
    private final int measured;
    private final int warmup;
    private final Postgres postgres;

    /** {@code postgres}: null for SQLite, else the server each filled database is moved to before measuring. */
    CaseloadBench(Path backendJar, Path work, int small, int large, int own, int measured, int warmup, Postgres postgres) {
        this.postgres = postgres;
        this.backendJar = backendJar;
        this.work = work;
        this.small = small;
        this.large = large;
        this.own = own;
        this.measured = measured;
        this.warmup = warmup;
    }

    /** One kind of request. */
    record Kind(String key, String name, String path) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("health", "GET /health (baseline: no table read)", "/health"),
            new Kind("page", "List, first page (50 by reference)", "/dashboard"),
            new Kind("last", "List, last page (the deepest OFFSET)", "/dashboard?page=99999"),
            new Kind("search", "Search a name (q=tesfay)", "/dashboard?q=tesfay"),
            new Kind("stage", "Filter stage=ARRIVAL", "/dashboard?stage=ARRIVAL"),
            new Kind("nationality", "Filter nationality=ER", "/dashboard?nationality=ER"),
            new Kind("overdue", "Filter overdue=true", "/dashboard?overdue=true"),
            new Kind("conflicts", "Filter conflicts=true", "/dashboard?conflicts=true"),
            new Kind("nobuddy", "Filter buddy=false", "/dashboard?buddy=false"),
            new Kind("name", "Sort by name", "/dashboard?sort=name"),
            new Kind("due", "Sort by next due date", "/dashboard?sort=due"),
            new Kind("combined", "nationality=SY, overdue=true, sort=arrival desc, 100 a page",
                    "/dashboard?nationality=SY&overdue=true&sort=arrival&dir=desc&size=100"),
            new Kind("api", "API: GET /api/caseload?stage=CIVIC_INTEGRATION&sort=due",
                    "/api/caseload?stage=CIVIC_INTEGRATION&sort=due"));

    /** A database and its server. */
    private static final class Database {
        final String label;
        final Path data;
        final Map<String, Integer> fill;
        final JsonObject info = new JsonObject();
        Backend backend;
        String postgresUrl;

        Database(String label, Path data, Map<String, Integer> fill) {
            this.label = label;
            this.data = data;
            this.fill = fill;
        }

        Path db() {
            return data.resolve("welkom.db");
        }
    }

    /** An officer on a database: one measured series. */
    private static final class Series {
        final String key;
        final String label;
        final Database database;
        final String username;
        String token;

        Series(String key, String label, Database database, String username) {
            this.key = key;
            this.label = label;
            this.database = database;
            this.username = username;
        }
    }

    JsonObject run() throws Exception {
        JsonObject out = new JsonObject();
        Path baseData = work.resolve("caseload-base").resolve("data");
        log("caseload: creating the base database (backend start + stop)");
        try (Backend base = new Backend(backendJar, baseData, "caseload-base", List.of())) {
            base.start();
        }
        Database smallDb = new Database(PullBench.label(small), work.resolve("caseload-small").resolve("data"),
                Map.of("zwolle", small));
        Map<String, Integer> fixed = new LinkedHashMap<>();
        fixed.put("zwolle", own);
        fixed.put("deventer", small);
        Database largeDb = new Database(PullBench.label(large), work.resolve("caseload-large").resolve("data"),
                CaseloadFiller.spread(large, fixed, PER_OTHER_MUNICIPALITY));
        List<Database> databases = List.of(smallDb, largeDb);
        for (Database d : databases) {
            PullBench.copyDir(baseData, d.data);
            try (Connection db = Filler.open(d.db())) {
                log("caseload: filling " + d.label + ": " + d.fill.values().stream().mapToInt(Integer::intValue).sum()
                        + " households over " + d.fill.size() + " municipalities");
                CaseloadFiller.Filled filled = CaseloadFiller.fill(db, d.fill, 20261204L);
                Filler.checkpoint(db);
                d.info.addProperty("fillSeconds", PullBench.round(filled.seconds(), 1));
                for (String table : CaseloadFiller.TABLES) {
                    d.info.addProperty(table + "Rows", Filler.count(db, table));
                }
            }
            d.info.addProperty("dbBytes", Files.size(d.db()));
            if (postgres != null) {
                Postgres.Moved moved = postgres.moveInto(backendJar, d.data,
                        "caseload_" + d.label.toLowerCase(java.util.Locale.ROOT));
                d.postgresUrl = moved.url();
                d.info.addProperty("moveSeconds", PullBench.round(moved.seconds(), 1));
            }
            log("caseload: " + d.label + " " + d.info);
        }
        List<Series> series = List.of(
                new Series("A", "Zwolle officer, " + PullBench.label(small) + " database", smallDb, ZWOLLE_OFFICER),
                new Series("B", "Deventer officer, " + PullBench.label(large) + " database", largeDb, DEVENTER_OFFICER),
                new Series("C", "Zwolle officer, " + PullBench.label(large) + " database", largeDb, ZWOLLE_OFFICER));

        OkHttpClient http = new OkHttpClient.Builder().build();
        JsonArray results = new JsonArray();
        try {
            for (Database d : databases) {
                d.backend = new Backend(backendJar, d.data, "caseload-" + d.label, List.of());
                if (d.postgresUrl != null) {
                    Postgres.point(d.backend, d.postgresUrl);
                }
                d.backend.start();
            }
            for (Series s : series) {
                s.token = OfficerApi.login(s.database.backend.baseUrl(), s.username, PASSWORD).token();
            }
            log("caseload: warming up (" + warmup + " rounds of every kind on every series)");
            for (int i = 0; i < warmup; i++) {
                for (Series s : series) {
                    for (Kind kind : KINDS) {
                        PullBench.time(http, request(s, kind));
                    }
                }
            }
            for (Kind kind : KINDS) {
                log("caseload: measuring " + kind.key());
                Map<Series, long[]> times = new LinkedHashMap<>();
                JsonObject row = new JsonObject();
                row.addProperty("kind", kind.name());
                row.addProperty("key", kind.key());
                row.addProperty("path", kind.path());
                for (Series s : series) {
                    times.put(s, new long[measured]);
                    String body = PullBench.body(http, request(s, kind));
                    Matcher count = COUNT.matcher(body);
                    row.addProperty("count" + s.key, count.find() ? count.group(1) : "");
                    row.addProperty("bodyChars" + s.key, body.length());
                }
                int[] filled = new int[series.size()];
                for (int round = 0; filled[0] < measured; round++) {
                    for (int j = 0; j < series.size(); j++) {
                        int index = round % 2 == 0 ? j : series.size() - 1 - j;
                        Series s = series.get(index);
                        for (int r = 0; r < PullBench.ROUND && filled[index] < measured; r++) {
                            times.get(s)[filled[index]++] = PullBench.time(http, request(s, kind));
                        }
                    }
                }
                for (Series s : series) {
                    row.add(s.key, PullBench.stats(Stats.of(times.get(s)), row.get("bodyChars" + s.key).getAsInt()));
                }
                row.addProperty("ratioP95BA", ratio(row, "B", "A", "p95Ms"));
                row.addProperty("ratioP95CA", ratio(row, "C", "A", "p95Ms"));
                row.addProperty("ratioMedianBA", ratio(row, "B", "A", "medianMs"));
                row.addProperty("ratioMedianCA", ratio(row, "C", "A", "medianMs"));
                results.add(row);
            }
        } finally {
            for (Database d : databases) {
                if (d.backend != null) {
                    d.backend.stop();
                }
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        out.add("kinds", results);
        out.add("statements", statements(series, databases));
        JsonObject dbs = new JsonObject();
        for (Database d : databases) {
            dbs.add(d.label, d.info);
        }
        out.add("databases", dbs);
        JsonArray seriesInfo = new JsonArray();
        for (Series s : series) {
            JsonObject o = new JsonObject();
            o.addProperty("key", s.key);
            o.addProperty("label", s.label);
            seriesInfo.add(o);
        }
        out.add("series", seriesInfo);
        out.addProperty("small", small);
        out.addProperty("large", large);
        out.addProperty("own", own);
        out.addProperty("measuredPerKindAndSeries", measured);
        out.addProperty("warmupRounds", warmup);
        out.addProperty("database", postgres == null ? "SQLite" : "PostgreSQL");
        return out;
    }

    /**
     * Each database's server once more with the caseload's SQL and Micronaut Data's queries logged:
     * the statements each kind of page runs for the Zwolle officer (their number must not depend on
     * the database or the caseload), and SQLite's plan for each distinct caseload statement.
     */
    private JsonObject statements(List<Series> series, List<Database> databases) throws Exception {
        JsonObject out = new JsonObject();
        JsonObject perKind = new JsonObject();
        // Statement text → one logged example; IN lists of any length count as one statement.
        Map<String, String> caseloadSql = new LinkedHashMap<>();
        OkHttpClient http = new OkHttpClient();
        for (Database d : databases) {
            Series zwolle = series.stream().filter(s -> s.database == d && s.username.equals(ZWOLLE_OFFICER))
                    .findFirst().orElseThrow();
            try (Backend b = new Backend(backendJar, d.data, "caseload-sql-" + d.label,
                    List.of("-Dlogger.levels.nl.welkom.household.Caseload=DEBUG",
                            "-Dlogger.levels.io.micronaut.data.query=DEBUG"))) {
                if (d.postgresUrl != null) {
                    Postgres.point(b, d.postgresUrl);
                }
                b.start();
                zwolle.database.backend = b;
                zwolle.token = OfficerApi.login(b.baseUrl(), zwolle.username, PASSWORD).token();
                JsonObject counts = new JsonObject();
                for (Kind kind : KINDS) {
                    Thread.sleep(200);
                    int before = b.output().length();
                    PullBench.body(http, request(zwolle, kind));
                    Thread.sleep(300);
                    int statements = 0;
                    for (String line : b.output().substring(before).split("\n")) {
                        Matcher m = LOGGED.matcher(line);
                        if (m.find()) {
                            statements++;
                            if (line.contains("Caseload SQL")) {
                                String sql = m.group(1).trim();
                                caseloadSql.putIfAbsent(sql.replaceAll("(\\?, )+\\?", "?, …, ?"), sql);
                            }
                        }
                    }
                    counts.addProperty(kind.key(), statements);
                }
                perKind.add(d.label, counts);
            }
        }
        http.connectionPool().evictAll();
        out.add("perPage", perKind);
        JsonArray plans = new JsonArray();
        // SQLite's plans of the file; on PostgreSQL the statements are counted, not explained.
        for (String sql : postgres == null ? caseloadSql.values() : List.<String>of()) {
            JsonObject o = new JsonObject();
            o.addProperty("sql", sql);
            for (Database d : databases) {
                JsonArray plan = new JsonArray();
                try (Connection db = Filler.open(d.db())) {
                    Filler.explain(db, sql).forEach(plan::add);
                } catch (Exception e) {
                    plan.add("(not explainable: " + e.getMessage() + ")");
                }
                o.add(d.label, plan);
            }
            plans.add(o);
        }
        out.add("plans", plans);
        return out;
    }

    private static Request request(Series s, Kind kind) {
        Request.Builder builder = new Request.Builder().url(s.database.backend.baseUrl() + kind.path());
        if (!kind.key().equals("health")) {
            builder.header("Authorization", "Bearer " + s.token);
        }
        return builder.build();
    }

    private static double ratio(JsonObject row, String top, String bottom, String field) {
        return PullBench.round(row.getAsJsonObject(top).get(field).getAsDouble()
                / row.getAsJsonObject(bottom).get(field).getAsDouble(), 2);
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
