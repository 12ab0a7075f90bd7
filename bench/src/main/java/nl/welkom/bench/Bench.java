package nl.welkom.bench;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Welkom's performance benchmark (issue 3; docs/performance.md). Not a test: it measures and
 * reports, it asserts only that the scenarios did what they claim.
 *
 * <pre>
 * java -jar bench/target/welkom-bench.jar [--backend-jar backend/target/welkom-backend.jar]
 *      [--out bench/figures.json] [--small 10000] [--large 1000000]
 *      [--requests 500] [--warmup 300] [--only wire|pull|caseload|matching|load]
 *      [--load-phones 200] [--load-seconds 15] [--databases sqlite,postgres]
 *      [--load-profile server.jfr] [--keep]
 *      [--commit SHA] [--docs docs/performance.md]
 *      [--caseload-small 1000] [--caseload-large 100000] [--caseload-own 5000]
 *      [--caseload-requests 200] [--caseload-warmup 20]
 *      [--matching-households 5000] [--matching-small 200] [--matching-large 2000]
 *      [--matching-requests 200] [--matching-warmup 50]
 * java -jar bench/target/welkom-bench.jar --report bench/figures.json
 * </pre>
 *
 * Prints Markdown tables on stdout, progress on stderr, and writes the figures as JSON.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--report")) {
            // Re-print the tables of an earlier run from its JSON.
            try (java.io.Reader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
                Report.print(com.google.gson.JsonParser.parseReader(in).getAsJsonObject(),
                        new PrintStream(System.out, true, StandardCharsets.UTF_8));
            }
            return;
        }
        Path backendJar = Path.of("backend/target/welkom-backend.jar");
        Path out = Path.of("bench/figures.json");
        int small = 10_000;
        int large = 1_000_000;
        int requests = 500;
        int warmup = 300;
        String only = null;
        int loadPhones = 200;
        int loadSeconds = 15;
        List<String> databases = List.of("sqlite", "postgres");
        Path loadProfile = null;
        int caseloadSmall = 1000;
        int caseloadLarge = 100_000;
        int caseloadOwn = 5000;
        int caseloadRequests = 200;
        int caseloadWarmup = 20;
        int matchingHouseholds = 5000;
        int matchingSmall = 200;
        int matchingLarge = 2000;
        int matchingRequests = 200;
        int matchingWarmup = 50;
        boolean keep = false;
        String commit = "unknown";
        Path docs = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend-jar" -> backendJar = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--small" -> small = Integer.parseInt(args[++i]);
                case "--large" -> large = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--load-phones" -> loadPhones = Integer.parseInt(args[++i]);
                case "--load-seconds" -> loadSeconds = Integer.parseInt(args[++i]);
                case "--databases" -> databases = List.of(args[++i].split(","));
                case "--load-profile" -> loadProfile = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--commit" -> commit = args[++i];
                case "--docs" -> docs = Path.of(args[++i]);
                case "--caseload-small" -> caseloadSmall = Integer.parseInt(args[++i]);
                case "--caseload-large" -> caseloadLarge = Integer.parseInt(args[++i]);
                case "--caseload-own" -> caseloadOwn = Integer.parseInt(args[++i]);
                case "--caseload-requests" -> caseloadRequests = Integer.parseInt(args[++i]);
                case "--caseload-warmup" -> caseloadWarmup = Integer.parseInt(args[++i]);
                case "--matching-households" -> matchingHouseholds = Integer.parseInt(args[++i]);
                case "--matching-small" -> matchingSmall = Integer.parseInt(args[++i]);
                case "--matching-large" -> matchingLarge = Integer.parseInt(args[++i]);
                case "--matching-requests" -> matchingRequests = Integer.parseInt(args[++i]);
                case "--matching-warmup" -> matchingWarmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("Unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        backendJar = backendJar.toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("welkom-bench-");
        long started = System.nanoTime();

        LazyPostgres postgres = new LazyPostgres();
        JsonObject result = new JsonObject();
        result.addProperty("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        JsonObject machine = new JsonObject();
        machine.addProperty("cores", Runtime.getRuntime().availableProcessors());
        machine.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        machine.addProperty("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        machine.addProperty("backendJar", backendJar.toString());
        result.add("machine", machine);
        try {
            if (only == null || only.equals("wire")) {
                System.err.println("[bench] wire: starting");
                result.add("wire", new WireBench(backendJar, work).run());
            }
            boolean onSqlite = databases.contains("sqlite");
            boolean onPostgres = databases.contains("postgres");
            if (only == null || only.equals("pull")) {
                if (onSqlite) {
                    result.add("pull", new PullBench(backendJar, work, small, large, requests, warmup, null).run());
                }
                if (onPostgres) {
                    result.add("pullPostgres", new PullBench(backendJar, work.resolve("pg"), small, large, requests, warmup,
                            postgres.get()).run());
                }
            }
            if (only == null || only.equals("caseload")) {
                if (onSqlite) {
                    result.add("caseload", new CaseloadBench(backendJar, work, caseloadSmall, caseloadLarge, caseloadOwn,
                            caseloadRequests, caseloadWarmup, null).run());
                }
                if (onPostgres) {
                    result.add("caseloadPostgres", new CaseloadBench(backendJar, work.resolve("pg"), caseloadSmall,
                            caseloadLarge, caseloadOwn, caseloadRequests, caseloadWarmup, postgres.get()).run());
                }
            }
            if (only == null || only.equals("load")) {
                if (onSqlite) {
                    System.err.println("[bench] load on SQLite: starting (wrk)");
                    result.add("load", new LoadBench(backendJar, work, loadPhones, loadSeconds, null, loadProfile).run());
                }
                if (onPostgres) {
                    System.err.println("[bench] load on PostgreSQL: starting (wrk)");
                    result.add("loadPostgres", new LoadBench(backendJar, work, loadPhones, loadSeconds, postgres.get(),
                            loadProfile == null ? null : loadProfile.resolveSibling("postgres-" + loadProfile.getFileName()))
                            .run());
                }
            }
            if (only == null || only.equals("matching")) {
                result.add("matching", new MatchingBench(backendJar, work, matchingHouseholds, matchingSmall,
                        matchingLarge, matchingRequests, matchingWarmup).run());
            }
        } finally {
            postgres.close();
            if (keep) {
                System.err.println("[bench] work files kept in " + work);
            } else {
                deleteTree(work);
            }
        }
        result.addProperty("runSeconds", PullBench.round((System.nanoTime() - started) / 1e9, 1));

        // The parts of this run replace the same parts of earlier runs; the others stay, each with its
        // own date and commit, so docs/performance.md always holds every part's latest figures.
        JsonObject merged = Files.isRegularFile(out) ? read(out) : new JsonObject();
        for (String part : PARTS) {
            if (result.has(part)) {
                JsonObject figures = result.getAsJsonObject(part);
                figures.addProperty("measuredAt", result.get("date").getAsString());
                figures.addProperty("commit", commit);
                figures.add("machine", result.get("machine"));
                merged.add(part, figures);
            }
        }
        merged.add("machine", result.get("machine"));
        merged.add("date", result.get("date"));
        merged.add("runSeconds", result.get("runSeconds"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            gson.toJson(merged, w);
        }
        PrintStream o = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Report.print(merged, o);
        o.println();
        o.println("Written: " + out.toAbsolutePath());
        if (docs != null) {
            writeDocs(docs, merged);
            o.println("Tables written into " + docs.toAbsolutePath());
        }
    }

    /** The parts of a run, in report order. */
    static final List<String> PARTS = List.of("wire", "pull", "pullPostgres", "load", "loadPostgres", "caseload",
            "caseloadPostgres", "matching");
    static final String DOCS_BEGIN = "<!-- bench:begin (written by bench/run.sh; edit the text around it, not this) -->";
    static final String DOCS_END = "<!-- bench:end -->";

    private static JsonObject read(Path file) throws java.io.IOException {
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return com.google.gson.JsonParser.parseReader(in).getAsJsonObject();
        }
    }

    /** Replaces the generated block of {@code docs} (between the markers) with the report. */
    private static void writeDocs(Path docs, JsonObject merged) throws java.io.IOException {
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        int begin = text.indexOf(DOCS_BEGIN);
        int end = text.indexOf(DOCS_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(docs + " has no " + DOCS_BEGIN + " … " + DOCS_END + " block");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Report.print(merged, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // One level for the block's own section in the page: every heading goes two levels down.
        String report = bytes.toString(StandardCharsets.UTF_8).lines()
                .map(line -> line.startsWith("#") ? "##" + line : line)
                .collect(java.util.stream.Collectors.joining("\n"));
        Files.writeString(docs, text.substring(0, begin) + DOCS_BEGIN + "\n\n" + report.strip() + "\n\n"
                + text.substring(end), StandardCharsets.UTF_8);
    }

    /** One embedded PostgreSQL for the whole run, started when a part first needs it. */
    private static final class LazyPostgres {
        private Postgres started;

        Postgres get() throws java.io.IOException {
            if (started == null) {
                started = Postgres.start();
            }
            return started;
        }

        void close() {
            if (started != null) {
                try {
                    started.close();
                } catch (java.io.IOException e) {
                    System.err.println("[bench] could not stop PostgreSQL: " + e);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("[bench] could not delete " + root + ": " + e);
        }
    }

    /** The results as Markdown, the same tables as in docs/performance.md. */
    static final class Report {
        private Report() {
        }

        static void print(JsonObject r, PrintStream o) {
            JsonObject m = r.getAsJsonObject("machine");
            o.printf(Locale.ROOT, "# Welkom benchmark, %s%n%n", r.get("date").getAsString());
            o.printf(Locale.ROOT, "Machine: %d cores, %s, %s. Last run: %.0f s.%n", m.get("cores").getAsInt(),
                    m.get("os").getAsString(), m.get("java").getAsString(), r.get("runSeconds").getAsDouble());
            o.printf("%n| part | measured | commit |%n|---|---|---|%n");
            for (String part : PARTS) {
                if (r.has(part)) {
                    JsonObject p = r.getAsJsonObject(part);
                    o.printf("| %s | %s | %s |%n", part, p.has("measuredAt") ? p.get("measuredAt").getAsString() : "–",
                            p.has("commit") ? p.get("commit").getAsString() : "–");
                }
            }
            if (r.has("wire")) {
                wire(r.getAsJsonObject("wire"), o);
            }
            for (String key : List.of("pull", "pullPostgres")) {
                if (r.has(key)) {
                    pull(r.getAsJsonObject(key), o);
                }
            }
            for (String key : List.of("load", "loadPostgres")) {
                if (r.has(key)) {
                    o.println();
                    LoadBench.print(r.getAsJsonObject(key), o);
                }
            }
            for (String key : List.of("caseload", "caseloadPostgres")) {
                if (r.has(key)) {
                    caseload(r.getAsJsonObject(key), o);
                }
            }
            if (r.has("matching")) {
                matching(r.getAsJsonObject("matching"), o);
            }
        }

        private static void matching(JsonObject m, PrintStream o) {
            o.printf(Locale.ROOT, "%n## Family-friend suggestions (GET /api/households/{id}/buddy-suggestions)%n%n"
                    + "%d households in the municipality, %d measured requests per series.%n%n",
                    m.get("households").getAsInt(), m.get("measured").getAsInt());
            o.printf("| series | ACTIVE volunteers | median ms | p95 ms | max ms | body chars |%n");
            o.printf("|---|---:|---:|---:|---:|---:|%n");
            for (String key : List.of("A", "B")) {
                JsonObject s = m.getAsJsonObject(key);
                o.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %d |%n", key, s.get("volunteers").getAsInt(),
                        s.get("medianMs").getAsDouble(), s.get("p95Ms").getAsDouble(), s.get("maxMs").getAsDouble(),
                        s.get("bodyChars").getAsInt());
            }
            o.printf(Locale.ROOT, "%nRatio B/A: median %.2f, p95 %.2f.%n", m.get("ratioMedianBA").getAsDouble(),
                    m.get("ratioP95BA").getAsDouble());
        }

        private static void caseload(JsonObject c, PrintStream o) {
            String s = PullBench.label(c.get("small").getAsInt());
            String l = PullBench.label(c.get("large").getAsInt());
            o.printf("%n## The household list: %s vs %s households in the database (%s)%n%n", s, l, database(c));
            for (JsonElement e : c.getAsJsonArray("series")) {
                JsonObject series = e.getAsJsonObject();
                o.printf("- %s: %s%n", series.get("key").getAsString(), series.get("label").getAsString());
            }
            o.printf("%nLatency seen by a client on loopback in ms, %d measured requests per kind and series (after %d"
                    + " warm-up rounds), both servers up at once, series measured in alternating rounds of %d.%n%n",
                    c.get("measuredPerKindAndSeries").getAsInt(), c.get("warmupRounds").getAsInt(), PullBench.ROUND);
            o.println("| request | A median | A p95 | B median | B p95 | C median | C p95 | p95 B/A (database ×100) "
                    + "| p95 C/A (caseload ×5) | what C's page said |");
            o.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            for (JsonElement e : c.getAsJsonArray("kinds")) {
                JsonObject k = e.getAsJsonObject();
                o.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | **%.2f** | **%.2f** | %s |%n",
                        k.get("kind").getAsString(),
                        ms(k, "A", "medianMs"), ms(k, "A", "p95Ms"), ms(k, "B", "medianMs"), ms(k, "B", "p95Ms"),
                        ms(k, "C", "medianMs"), ms(k, "C", "p95Ms"), k.get("ratioP95BA").getAsDouble(),
                        k.get("ratioP95CA").getAsDouble(), k.get("countC").getAsString());
            }
            JsonObject statements = c.getAsJsonObject("statements");
            JsonObject perPage = statements.getAsJsonObject("perPage");
            o.printf("%nSQL statements per request (caseload SQL and Micronaut Data queries, from the server's log;"
                    + " Zwolle officer):%n%n| request |");
            for (String db : perPage.keySet()) {
                o.printf(" %s |", db);
            }
            o.printf("%n|---|");
            perPage.keySet().forEach(db -> o.print("---:|"));
            o.println();
            for (JsonElement e : c.getAsJsonArray("kinds")) {
                String key = e.getAsJsonObject().get("key").getAsString();
                o.printf("| %s |", key);
                for (String db : perPage.keySet()) {
                    o.printf(" %d |", perPage.getAsJsonObject(db).get(key).getAsInt());
                }
                o.println();
            }
            o.printf("%n| database | households | members | tasks | municipalities | file size | fill time |%n");
            o.println("|---|---:|---:|---:|---:|---:|---:|");
            JsonObject dbs = c.getAsJsonObject("databases");
            for (String key : dbs.keySet()) {
                JsonObject d = dbs.getAsJsonObject(key);
                o.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %.1f MB | %.1f s |%n", key,
                        d.get("householdRows").getAsLong(), d.get("memberRows").getAsLong(), d.get("taskRows").getAsLong(),
                        d.get("municipalityRows").getAsLong(), d.get("dbBytes").getAsLong() / 1e6,
                        d.get("fillSeconds").getAsDouble());
            }
            if (statements.getAsJsonArray("plans").isEmpty()) {
                moves(dbs, o);
                return;
            }
            o.printf("%n### Query plans of the caseload's statements%n%n");
            for (JsonElement e : statements.getAsJsonArray("plans")) {
                JsonObject st = e.getAsJsonObject();
                String sql = st.get("sql").getAsString().replaceAll("(\\?, ){3,}\\?", "?, …, ?");
                o.println("- `" + sql + "`");
                for (String key : dbs.keySet()) {
                    o.println("  - " + key + ": " + String.join(" / ", strings(st.getAsJsonArray(key))));
                }
            }
        }

        /** On PostgreSQL: how long the operator's move command took to bring each filled SQLite file over. */
        private static void moves(JsonObject dbs, PrintStream o) {
            o.printf("%nFilled in SQLite (sizes above are the SQLite files), then moved with `move-to-postgresql`:");
            for (String key : dbs.keySet()) {
                JsonObject d = dbs.getAsJsonObject(key);
                if (d.has("moveSeconds")) {
                    o.printf(Locale.ROOT, " %s in %.1f s;", key, d.get("moveSeconds").getAsDouble());
                }
            }
            o.printf(" every table compared equal before the commit.%n");
        }

        private static String database(JsonObject part) {
            return part.has("database") ? part.get("database").getAsString() : "SQLite";
        }

        private static double ms(JsonObject kind, String series, String field) {
            return kind.getAsJsonObject(series).get(field).getAsDouble();
        }

        private static void wire(JsonObject w, PrintStream o) {
            o.printf("%n## Bytes on the wire (household %s, language %s)%n%n", WireBench.HOUSEHOLD, WireBench.LANGUAGE);
            o.println("| scenario | requests | bytes up | bytes down | total | client's own count: requests, bytesReceived "
                    + "| items pulled | what went over the wire |");
            o.println("|---|---:|---:|---:|---:|---:|---:|---|");
            for (JsonElement e : w.getAsJsonArray("scenarios")) {
                JsonObject s = e.getAsJsonObject();
                StringBuilder lines = new StringBuilder();
                for (JsonElement l : s.getAsJsonArray("requestLines")) {
                    lines.append(lines.length() == 0 ? "" : "; ").append(l.getAsString());
                }
                // SyncResult.requests() exists since protocol v1; it counts the sync's requests only (not activation).
                String clientRequests = s.has("clientReportedRequests") ? s.get("clientReportedRequests").getAsInt() + ", " : "";
                o.printf(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %s%,d | %d | %s |%n", s.get("scenario").getAsString(),
                        s.get("requests").getAsInt(), s.get("bytesUp").getAsLong(), s.get("bytesDown").getAsLong(),
                        s.get("bytesTotal").getAsLong(), clientRequests, s.get("clientReportedBytesReceived").getAsLong(),
                        s.get("pulledItems").getAsInt(), lines);
            }
            o.printf("%nPer phase (bytes up / down):%n%n");
            o.println("| scenario | activate | push | pull | content |");
            o.println("|---|---:|---:|---:|---:|");
            for (JsonElement e : w.getAsJsonArray("scenarios")) {
                JsonObject s = e.getAsJsonObject();
                JsonObject p = s.getAsJsonObject("phases");
                o.printf("| %s | %s | %s | %s | %s |%n", s.get("scenario").getAsString(), phase(p, "ACTIVATE"),
                        phase(p, "PUSH"), phase(p, "PULL"), phase(p, "CONTENT"));
            }
            budgets(w, o);
            JsonObject g = w.getAsJsonObject("gzip");
            o.printf("%n### gzip effect on the first install%n%n");
            o.println("| | with gzip | Accept-Encoding: identity | ratio gzip/identity |");
            o.println("|---|---:|---:|---:|");
            o.printf(Locale.ROOT, "| bytes down | %,d | %,d | %.2f |%n", g.get("firstInstallDownGzip").getAsLong(),
                    g.get("firstInstallDownIdentity").getAsLong(), g.get("ratioDown").getAsDouble());
            o.printf(Locale.ROOT, "| bytes up + down | %,d | %,d | %.2f |%n", g.get("firstInstallTotalGzip").getAsLong(),
                    g.get("firstInstallTotalIdentity").getAsLong(), g.get("ratioTotal").getAsDouble());
        }

        /**
         * Issue 11's budgets, bytes up + down as the proxy counted them (headers included): an
         * up-to-date sync is 1 request under 1 KB; one new message or one moved appointment under 2 KB.
         */
        private static void budgets(JsonObject w, PrintStream o) {
            Map<String, Long> budget = new LinkedHashMap<>();
            budget.put(WireBench.BUDGET_UP_TO_DATE, 1024L);
            budget.put(WireBench.BUDGET_MESSAGE, 2048L);
            budget.put(WireBench.BUDGET_APPOINTMENT, 2048L);
            budget.put(WireBench.BUDGET_WRITTEN, 2048L);
            o.printf("%n### Budgets (issue 11)%n%n");
            o.println("| scenario | requests | bytes up + down | budget | share of budget | within |");
            o.println("|---|---:|---:|---:|---:|---|");
            for (JsonElement e : w.getAsJsonArray("scenarios")) {
                JsonObject s = e.getAsJsonObject();
                Long limit = budget.get(s.get("scenario").getAsString());
                if (limit == null) {
                    continue;
                }
                long total = s.get("bytesTotal").getAsLong();
                int requests = s.get("requests").getAsInt();
                boolean within = total < limit && (limit > 1024L || requests == 1);
                o.printf(Locale.ROOT, "| %s | %d | %,d | %,d | %.2f | %s |%n", s.get("scenario").getAsString(), requests,
                        total, limit, (double) total / limit, within ? "yes" : "**NO**");
            }
        }

        private static String phase(JsonObject phases, String name) {
            if (!phases.has(name)) {
                return "–";
            }
            JsonObject p = phases.getAsJsonObject(name);
            return String.format(Locale.ROOT, "%,d / %,d", p.get("up").getAsLong(), p.get("down").getAsLong());
        }

        private static void pull(JsonObject p, PrintStream o) {
            String s = PullBench.label(p.get("smallRows").getAsInt());
            String l = PullBench.label(p.get("largeRows").getAsInt());
            o.printf("%n## Server time of a pull: %s vs %s filler task rows (%s)%n%n", s, l, database(p));
            o.printf("Latency seen by a client on loopback, %d measured requests per kind and server (after %d warm-up"
                    + " rounds of every kind), both servers up at once and measured in alternating rounds of %d.%n%n",
                    p.get("measuredPerKindAndServer").getAsInt(), p.get("warmupRoundsOfEveryKind").getAsInt(), PullBench.ROUND);
            o.printf("| request | %s median ms | %s p95 ms | %s median ms | %s p95 ms | ratio median %s/%s | ratio p95 "
                    + "| median net of /health, %s → %s ms |%n", s, s, l, l, l, s, s, l);
            o.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (JsonElement e : p.getAsJsonArray("kinds")) {
                JsonObject k = e.getAsJsonObject();
                JsonObject a = k.getAsJsonObject("small");
                JsonObject b = k.getAsJsonObject("large");
                String net = k.has("netOfHealthSmallMs")
                        ? String.format(Locale.ROOT, "%.2f → %.2f", k.get("netOfHealthSmallMs").getAsDouble(),
                                k.get("netOfHealthLargeMs").getAsDouble())
                        : "–";
                o.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | **%.2f** | %.2f | %s |%n", k.get("kind").getAsString(),
                        a.get("medianMs").getAsDouble(), a.get("p95Ms").getAsDouble(),
                        b.get("medianMs").getAsDouble(), b.get("p95Ms").getAsDouble(),
                        k.get("ratioMedian").getAsDouble(), k.get("ratioP95").getAsDouble(), net);
            }
            for (JsonElement e : p.getAsJsonArray("kinds")) {
                JsonObject k = e.getAsJsonObject();
                if (k.get("key").getAsString().equals("delta")) {
                    double ratio = k.get("ratioMedian").getAsDouble();
                    o.printf(Locale.ROOT, "%nVerdict: the delta pull is %s (median %s/%s = %.2f; flat means near 1;"
                            + " this fsync-bound kind has ranged 0.7–1.3 on the 2-core machine, a scan would show as 10× or"
                            + " more).%n", ratio <= 1.5 ? "flat" : "NOT flat — see the plans below", l, s, ratio);
                }
            }
            o.printf("%n| database | task rows | task_title rows | households | file size | fill time |%n");
            o.println("|---|---:|---:|---:|---:|---:|");
            JsonObject dbs = p.getAsJsonObject("databases");
            for (String key : dbs.keySet()) {
                JsonObject d = dbs.getAsJsonObject(key);
                o.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f MB | %.1f s |%n", key, d.get("taskRows").getAsLong(),
                        d.get("taskTitleRows").getAsLong(), d.get("householdRows").getAsLong(),
                        d.get("dbBytes").getAsLong() / 1e6, d.get("fillSeconds").getAsDouble());
            }
            if (!p.has("plans")) {
                moves(dbs, o);
                return;
            }
            JsonObject plans = p.getAsJsonObject("plans");
            o.printf("%n### Query plans of the statements one delta pull runs (%s)%n%n",
                    plans.get("capturedFromServerLog").getAsBoolean()
                            ? "captured from the server's io.micronaut.data.query log" : "fallback list, not captured");
            for (JsonElement e : plans.getAsJsonArray("statements")) {
                JsonObject st = e.getAsJsonObject();
                o.println("- `" + st.get("sql").getAsString() + "`");
                for (String key : dbs.keySet()) {
                    String plan = String.join(" / ", strings(st.getAsJsonArray(key)));
                    o.println("  - " + key + ": " + (plan.isEmpty() ? "(no search: a plain insert)" : plan));
                }
            }
        }

        private static Iterable<String> strings(com.google.gson.JsonArray a) {
            java.util.List<String> list = new java.util.ArrayList<>();
            a.forEach(x -> list.add(x.getAsString()));
            return list;
        }
    }
}
