package nl.welkom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The server under the load it really gets (issue 14): many phones asking "anything new?". On the real
 * backend jar with the demo data, {@code wrk} (loopback, {@code -t2 -c32}) measures in one run:
 * <ol>
 *   <li>the ceiling — {@code GET /api/content} answered {@code 304} from memory;</li>
 *   <li>an up-to-date pull — {@code phones} activated phones, each asking with its own token and cursor
 *       (a Lua script rotates them);</li>
 *   <li>a full pull — the same phones from cursor 0;</li>
 * </ol>
 * each as requests/s, p50 and p99, and as a ratio to the ceiling. Also: cold start to the first answered
 * request, the server's resident memory at rest and after the load, and a capacity estimate from the
 * measured costs. Needs {@code wrk} on the PATH (bench/run.sh installs it).
 */
final class LoadBench {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern BAD = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private final Path jar;
    private final Path work;
    private final int phones;
    private final int seconds;
    private final String databaseUrl;

    /** {@code databaseUrl}: null for the SQLite default, or a {@code jdbc:postgresql://user:password@…} database. */
    LoadBench(Path jar, Path work, int phones, int seconds, String databaseUrl) {
        this.jar = jar;
        this.work = work;
        this.phones = phones;
        this.seconds = seconds;
        this.databaseUrl = databaseUrl;
    }

    JsonObject run() throws Exception {
        JsonObject result = new JsonObject();
        long launched = System.nanoTime();
        try (Backend backend = new Backend(jar, work.resolve("load-data"), "load", List.of())) {
            if (databaseUrl != null) {
                backend.with("DATASOURCES_DEFAULT_URL", databaseUrl).with("DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", "16");
            }
            backend.start();
            result.addProperty("coldStartMs", Math.round((System.nanoTime() - launched) / 1e6));
            String base = backend.baseUrl();
            OfficerApi officer = OfficerApi.login(base, "officer@zwolle.demo", "welkom-demo");
            List<String> households = officer.householdIds();
            List<String> tokens = new ArrayList<>();
            List<Long> cursors = new ArrayList<>();
            for (int i = 0; i < phones; i++) {
                String code = officer.createActivationCode(households.get(i % households.size()));
                String token = activate(base, code);
                tokens.add(token);
                cursors.add(upToDate(base, token));
            }
            Thread.sleep(2000);
            result.addProperty("rssAtRestMb", rssMb(backend.pid()));
            String etag = etag(base);

            Path ceilingScript = script("ceiling.lua", "wrk.headers[\"If-None-Match\"] = '" + etag + "'\n");
            Path upToDateScript = rotating("uptodate.lua", tokens, cursors);
            List<Long> zeros = new ArrayList<>();
            tokens.forEach(t -> zeros.add(0L));
            Path fullScript = rotating("full.lua", tokens, zeros);

            // Warm up every path (JIT, caches), then measure each in turn.
            for (Path script : List.of(ceilingScript, upToDateScript, fullScript)) {
                wrk(base, script, Math.max(3, seconds / 3));
            }
            JsonObject ceiling = wrk(base, ceilingScript, seconds);
            ceiling.addProperty("path", "GET /api/content?lang=nl → 304");
            JsonObject upToDate = wrk(base, upToDateScript, seconds);
            upToDate.addProperty("path", "GET /api/sync/pull?after=<own cursor>, " + phones + " phones");
            JsonObject full = wrk(base, fullScript, seconds);
            full.addProperty("path", "GET /api/sync/pull?after=0, " + phones + " phones");
            double top = ceiling.get("rps").getAsDouble();
            for (JsonObject row : List.of(ceiling, upToDate, full)) {
                row.addProperty("ratioToCeiling", round(row.get("rps").getAsDouble() / top, 3));
            }
            result.add("ceiling", ceiling);
            result.add("upToDatePull", upToDate);
            result.add("fullPull", full);
            result.addProperty("rssAfterLoadMb", rssMb(backend.pid()));

            // Capacity from the measured costs: each phone syncs every 15 minutes; 9 in 10 syncs find
            // nothing new, 1 in 10 brings changes (costed as a full pull of its household, an upper bound).
            double secondsPerSync = 0.9 / upToDate.get("rps").getAsDouble() + 0.1 / full.get("rps").getAsDouble();
            double syncsPerSecond = 1 / secondsPerSync;
            JsonObject capacity = new JsonObject();
            capacity.addProperty("syncsPerSecond", Math.round(syncsPerSecond));
            capacity.addProperty("households", Math.round(syncsPerSecond * 15 * 60));
            capacity.addProperty("goalSyncsPerSecond", 1111);
            capacity.addProperty("method", "computed: 0.9 × up-to-date + 0.1 × full pull, one phone per household,"
                    + " a sync every 15 minutes, all cores on phones (officers' dashboard work not included)");
            result.add("capacity", capacity);
        }
        result.addProperty("database", databaseUrl == null ? "SQLite (default)" : "PostgreSQL");
        result.addProperty("phones", phones);
        result.addProperty("secondsPerRun", seconds);
        result.addProperty("wrk", "-t2 -c32, loopback");
        return result;
    }

    private static String activate(String base, String code) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("code", code);
        body.addProperty("deviceName", "Bench phone");
        Request request = new Request.Builder().url(base + "/api/activation")
                .post(RequestBody.create(body.toString(), JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() != 200) {
                throw new IOException("activation: " + response.code() + " " + text);
            }
            return JsonParser.parseString(text).getAsJsonObject().get("token").getAsString();
        }
    }

    /** Pulls until nothing is left and returns the phone's cursor then. */
    private static long upToDate(String base, String token) throws IOException {
        long cursor = 0;
        while (true) {
            Request request = new Request.Builder().url(base + "/api/sync/pull?after=" + cursor + "&limit=1000")
                    .header("Authorization", "Bearer " + token).build();
            try (Response response = HTTP.newCall(request).execute()) {
                JsonObject page = JsonParser.parseString(response.body().string()).getAsJsonObject();
                cursor = page.get("cursor").getAsLong();
                if (!page.get("hasMore").getAsBoolean()) {
                    return cursor;
                }
            }
        }
    }

    private static String etag(String base) throws IOException {
        try (Response response = HTTP.newCall(new Request.Builder().url(base + "/api/content?lang=nl").build()).execute()) {
            String etag = response.header("ETag");
            if (etag == null) {
                throw new IOException("no ETag on /api/content");
            }
            return etag;
        }
    }

    private Path script(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A wrk script that sends each request as the next phone, with that phone's token and cursor. */
    private Path rotating(String name, List<String> tokens, List<Long> cursors) throws IOException {
        StringBuilder lua = new StringBuilder("local tokens = {");
        tokens.forEach(token -> lua.append('"').append(token).append("\","));
        lua.append("}\nlocal cursors = {");
        cursors.forEach(cursor -> lua.append(cursor).append(','));
        lua.append("}\nlocal i = 0\n")
                .append("request = function()\n")
                .append("  i = (i % #tokens) + 1\n")
                .append("  return wrk.format(\"GET\", \"/api/sync/pull?after=\" .. cursors[i] .. \"&limit=200\",")
                .append(" {[\"Authorization\"] = \"Bearer \" .. tokens[i], [\"Accept-Encoding\"] = \"gzip\"})\n")
                .append("end\n");
        return script(name, lua.toString());
    }

    private JsonObject wrk(String base, Path script, int duration) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + duration + "s", "--latency",
                "-s", script.toString(), base + (script.getFileName().toString().startsWith("ceiling")
                        ? "/api/content?lang=nl" : "/"))
                .redirectErrorStream(true).start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(duration + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("wrk failed:\n" + out);
        }
        Matcher bad = BAD.matcher(out);
        if (bad.find()) {
            throw new IOException("wrk saw " + bad.group(1) + " answers that were not 2xx or 3xx:\n" + out);
        }
        JsonObject row = new JsonObject();
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IOException("no rate in wrk's output:\n" + out);
        }
        row.addProperty("rps", round(Double.parseDouble(rate.group(1)), 0));
        Matcher percentile = PERCENTILE.matcher(out);
        while (percentile.find()) {
            double value = Double.parseDouble(percentile.group(2));
            double ms = switch (percentile.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
            row.addProperty("p" + percentile.group(1) + "Ms", round(ms, 2));
        }
        return row;
    }

    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0, 0);
            }
        }
        return -1;
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** The Markdown table. */
    static void print(JsonObject r, java.io.PrintStream o) {
        o.println("### Load on " + (r.has("database") ? r.get("database").getAsString() : "SQLite") + ": "
                + r.get("phones").getAsInt() + " phones, wrk " + r.get("wrk").getAsString() + ", "
                + r.get("secondsPerRun").getAsInt() + " s per run");
        o.println();
        o.println("| request | req/s | p50 ms | p99 ms | ratio to the 304 ceiling |");
        o.println("|---|---:|---:|---:|---:|");
        for (String key : List.of("ceiling", "upToDatePull", "fullPull")) {
            JsonObject row = r.getAsJsonObject(key);
            o.println(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.3f |", row.get("path").getAsString(),
                    row.get("rps").getAsDouble(), row.get("p50Ms").getAsDouble(), row.get("p99Ms").getAsDouble(),
                    row.get("ratioToCeiling").getAsDouble()));
        }
        JsonObject capacity = r.getAsJsonObject("capacity");
        o.println();
        o.println(String.format(Locale.ROOT, "Capacity (%s): %d syncs/s, about %,d households (goal 1,111 syncs/s,"
                        + " one million households: ratio %.2f).", capacity.get("method").getAsString(),
                capacity.get("syncsPerSecond").getAsLong(), capacity.get("households").getAsLong(),
                capacity.get("syncsPerSecond").getAsDouble() / 1111));
        o.println(String.format(Locale.ROOT, "Cold start to first answer %d ms; resident memory %.0f MB at rest, %.0f MB"
                        + " after the load.", r.get("coldStartMs").getAsLong(), r.get("rssAtRestMb").getAsDouble(),
                r.get("rssAfterLoadMb").getAsDouble()));
    }
}
