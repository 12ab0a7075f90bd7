package nl.welkom.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import nl.welkom.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * The API fuzzer (issue 13, "Bad input"): reads the OpenAPI document the build generates
 * (META-INF/swagger/*.yml) and sends every operation, as each role that may call it and as nobody,
 * malformed and hostile requests — broken JSON, wrong types per field, missing and extra fields,
 * bodies just under and over the request-size limit, 10,000 levels of nesting, invalid UTF-8,
 * junk in the path and the query, wrong media types. No answer may be a 5xx; every API error must
 * be a readable {@code application/problem+json} body without a stack trace or a class name; and
 * the server must answer normally afterwards. The dashboard's forms get junk form bodies too.
 *
 * <p>Deterministic: a fixed seed ({@code -Dwelkom.fuzz.seed}) and one round in CI
 * ({@code -Dwelkom.fuzz.rounds=50} for a long run, see docs/fuzz.md). Runs on its own server and
 * database, so whatever the fuzz changes cannot disturb the other tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {
    private static final long SEED = Long.getLong("welkom.fuzz.seed", 20261213L);
    private static final int ROUNDS = Integer.getInteger("welkom.fuzz.rounds", 1);
    private static final String PASSWORD = "test-password";
    /** Micronaut's default {@code micronaut.server.max-request-size}: 10 MB. */
    private static final int MAX_REQUEST_SIZE = 10 * 1024 * 1024;
    private static final int NESTING = 10_000;
    private static final Pattern INTERNALS = Pattern.compile(
            "\\bat [a-z]+\\.[a-zA-Z0-9_.$]+\\(|\\.java:\\d|Exception|nl\\.welkom\\.|io\\.micronaut|io\\.netty|com\\.fasterxml"
                    + "|java\\.lang|java\\.util|org\\.sqlite|SQLITE_|org\\.thymeleaf|jakarta\\.");

    enum Role { ANONYMOUS, OFFICER, DEVICE, BUDDY, EDITOR, ADMIN }

    record Operation(String method, String path, List<String> pathParameters, List<String> queryParameters,
                     String mediaType, Map<String, Object> bodySchema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Case(String kind, String method, byte[] target, Map<String, String> headers, byte[] body, boolean oversize) {
    }

    /** A JSON fragment written as it is (for numbers and literals a JSON library would not produce). */
    record Raw(String json) {
    }

    private Path dataDir;
    private EmbeddedServer server;
    private RawHttp http;
    private JsonMapper mapper;
    private Map<String, Object> spec;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private String householdId;
    private String memberId;
    private final List<String> failures = new ArrayList<>();
    private long requests;
    private long serverErrors;
    private long notProblems;
    private long closedEarly;
    private long relogins;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("welkom-fuzz");
        server = ApplicationContext.run(EmbeddedServer.class, TestServer.properties(dataDir), "test");
        http = new RawHttp(server.getPort());
        mapper = server.getApplicationContext().getBean(JsonMapper.class);
        spec = readSpec();
        for (Role role : Role.values()) {
            if (role != Role.ANONYMOUS) {
                signIn(role);
            }
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndNeverWithA5xx() throws IOException {
        List<Operation> operations = operations();
        assertTrue(operations.size() > 100, "the OpenAPI document lists the API: " + operations.size());
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            for (Operation operation : operations) {
                fuzz(operation, random, round);
            }
        }
        serverIsHealthy();
        System.out.println("ApiFuzzTest: " + operations.size() + " operations, " + requests + " requests, "
                + serverErrors + " × 5xx, " + notProblems + " bodies that are not problems (seed " + SEED
                + ", " + ROUNDS + " round(s), " + closedEarly + " oversize requests closed before an answer, "
                + relogins + " sessions renewed)");
        assertEquals(List.of(), failures.subList(0, Math.min(30, failures.size())),
                failures.size() + " bad answers");
    }

    @Test
    void dashboardFormsAnswerJunkWithAPageAndNeverWithA5xx() throws IOException {
        String cookie = dashboardSession("officer@testdorp.test");
        Router router = server.getApplicationContext().getBean(Router.class);
        Set<String> forms = new LinkedHashSet<>();
        router.uriRoutes()
                .filter(route -> route.getHttpMethod() == HttpMethod.POST)
                .map(UriRouteInfo::getUriMatchTemplate)
                .map(Object::toString)
                .filter(path -> path.startsWith("/dashboard") || path.equals("/login") || path.equals("/language"))
                .forEach(forms::add);
        assertTrue(forms.size() > 20, "the dashboard's forms: " + forms);
        Random random = new Random(SEED);
        int before = failures.size();
        long sent = 0;
        for (String form : forms) {
            String path = form.replaceAll("\\{[^}]+}", householdId);
            for (byte[] body : junkForms(random)) {
                for (String type : List.of("application/x-www-form-urlencoded", "application/json", "text/plain")) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Content-Type", type);
                    headers.put("Cookie", "WELKOM_SESSION=" + cookie);
                    headers.put("Origin", "http://localhost:" + server.getPort());
                    RawHttp.Answer answer = http.send("POST", path.getBytes(StandardCharsets.UTF_8), headers, body);
                    sent++;
                    String where = "POST " + path + " [" + type + "] " + preview(body);
                    if (answer.status() >= 500) {
                        failures.add(answer.status() + " for " + where + ": " + shorten(answer.body()));
                    } else if (answer.status() == 400 && type.startsWith("application/x-www-form")
                            && !String.valueOf(answer.headers().get("content-type")).startsWith("text/html")) {
                        failures.add("a 400 that is not a page for " + where + ": " + answer.headers().get("content-type"));
                    } else if (INTERNALS.matcher(answer.body()).find()) {
                        failures.add("internals in the page for " + where + ": " + internals(answer.body()));
                    }
                }
            }
        }
        serverIsHealthy();
        System.out.println("ApiFuzzTest (dashboard): " + forms.size() + " forms, " + sent + " junk posts, "
                + (failures.size() - before) + " bad answers");
        assertEquals(List.of(), failures.subList(before, Math.min(before + 30, failures.size())));
    }

    // ------------------------------------------------------------------ the fuzz

    private void fuzz(Operation operation, Random random, int round) throws IOException {
        List<Role> allowed = allowedRoles(operation);
        List<Case> cases = cases(operation, random, round);
        for (Case c : cases) {
            for (Role role : c.kind().contains("size limit") ? allowed.subList(0, 1) : allowed) {
                send(operation, c, role);
            }
        }
        // Nobody signed in, or a broken token: every case once more, a share of them.
        for (Case c : cases) {
            if (random.nextInt(4) == 0 && !c.oversize()) {
                send(operation, c, Role.ANONYMOUS);
            }
        }
        for (String junkToken : List.of("Bearer ", "Bearer " + "A".repeat(20_000), "Bearer a.b.c", "Basic Zm9vOmJhcg==",
                "Bearer \u00ff\u00fe", "bearer " + UUID.randomUUID())) {
            Case c = cases.get(random.nextInt(cases.size()));
            Map<String, String> headers = new LinkedHashMap<>(c.headers());
            headers.put("Authorization", junkToken);
            check(operation, new Case(c.kind() + " + junk token", c.method(), c.target(), headers, c.body(), c.oversize()),
                    http.send(c.method(), c.target(), headers, c.body()));
            requests++;
        }
    }

    /** The signed-in roles the server lets through to the operation (not 401/403 for a plain request). */
    private List<Role> allowedRoles(Operation operation) throws IOException {
        List<Role> allowed = new ArrayList<>();
        byte[] target = target(operation, realPath(operation), "");
        byte[] body = operation.bodySchema() == null ? null : encode(operation, sample(operation.bodySchema(), 0));
        for (Role role : Role.values()) {
            if (role == Role.ANONYMOUS) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (body != null) {
                headers.put("Content-Type", operation.mediaType());
            }
            Case probe = new Case("probe", operation.method(), target, headers, body, false);
            RawHttp.Answer answer = send(operation, probe, role);
            if (answer != null && answer.status() != 401 && answer.status() != 403) {
                allowed.add(role);
            }
        }
        if (allowed.isEmpty()) {
            allowed.add(Role.OFFICER);
        }
        return allowed;
    }

    private RawHttp.Answer send(Operation operation, Case c, Role role) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        if (role != Role.ANONYMOUS) {
            headers.put("Authorization", "Bearer " + tokens.get(role));
        }
        requests++;
        RawHttp.Answer answer;
        try {
            answer = http.send(c.method(), c.target(), headers, c.body());
        } catch (IOException e) {
            if (c.oversize()) {
                closedEarly++; // the server refused the body while it was still being sent
                return null;
            }
            throw new IOException(c.kind() + " " + operation + " as " + role, e);
        }
        check(operation, c, answer);
        if (answer.status() == 401 && role != Role.ANONYMOUS && !stillSignedIn(role)) {
            relogins++; // the fuzz signed this role out (logout, revocation): sign in again
            signIn(role);
        }
        return answer;
    }

    private void check(Operation operation, Case c, RawHttp.Answer answer) {
        String where = c.kind() + " " + c.method() + " " + new String(c.target(), StandardCharsets.ISO_8859_1);
        if (answer.status() >= 500) {
            serverErrors++;
            failures.add(answer.status() + " for " + where + ": " + shorten(answer.body()));
            return;
        }
        boolean api = !operation.path().startsWith("/dashboard");
        if (answer.status() >= 400 && api) {
            String type = answer.header("content-type");
            if (type == null || !type.startsWith(Problems.MEDIA_TYPE)) {
                notProblems++;
                failures.add(answer.status() + " not a problem (" + type + ") for " + where + ": " + shorten(answer.body()));
                return;
            }
            try {
                Map<String, Object> problem = mapper.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
                if (!(problem.get("title") instanceof String) || !Integer.valueOf(answer.status()).equals(problem.get("status"))) {
                    notProblems++;
                    failures.add("problem without title/status for " + where + ": " + shorten(answer.body()));
                }
            } catch (IOException | RuntimeException e) {
                notProblems++;
                failures.add("unreadable problem for " + where + ": " + shorten(answer.body()));
            }
        }
        if (answer.status() >= 400 && INTERNALS.matcher(answer.body()).find()) {
            failures.add("internals in the answer to " + where + ": " + internals(answer.body()));
        }
    }

    // ------------------------------------------------------------------ the cases

    private List<Case> cases(Operation operation, Random random, int round) {
        List<Case> cases = new ArrayList<>();
        String path = realPath(operation);
        byte[] target = target(operation, path, "");
        String type = operation.mediaType() == null ? "application/json" : operation.mediaType();
        boolean json = type.contains("json");
        Object sample = operation.bodySchema() == null ? Map.of() : sample(operation.bodySchema(), 0);

        // Malformed JSON and junk bytes: the empty body always, a seeded share of the rest.
        cases.add(body("malformed", operation.method(), target, type, new byte[0]));
        for (String junk : pick(random, 5, "{", "{\"a\":", "[1,2", "nul", "{\"a\":1,}", "{'a':'b'}", "{\"a\":NaN}",
                "\"\\u12\"", "{\"a\":1}{\"b\":2}", "null", "[]", "0", "\"text\"", "{\"a\":1e999999999}",
                "{\"\u0000\":\"\u0001\"}", "\uFEFF{}", "{\"a\":\"\\ud800\"}")) {
            cases.add(body("malformed", operation.method(), target, type, junk.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] noise = new byte[64 + random.nextInt(512)];
        random.nextBytes(noise);
        cases.add(body("random bytes", operation.method(), target, type, noise));
        // Invalid UTF-8 inside a string and as a field name.
        cases.add(body("invalid UTF-8", operation.method(), target, type,
                concat("{\"x\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, "\"}".getBytes(StandardCharsets.UTF_8))));
        if (sample instanceof Map<?, ?> map && !map.isEmpty()) {
            String first = (String) map.keySet().iterator().next();
            cases.add(body("invalid UTF-8 field", operation.method(), target, type,
                    concat("{\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                            ("\":1,\"" + first + "\":\"").getBytes(StandardCharsets.UTF_8),
                            new byte[] {(byte) 0x80, (byte) 0xBF}, "\"}".getBytes(StandardCharsets.UTF_8))));
        }
        // Deep nesting.
        cases.add(body("nested arrays", operation.method(), target, type,
                ("[".repeat(NESTING) + "]".repeat(NESTING)).getBytes(StandardCharsets.UTF_8)));
        cases.add(body("nested objects", operation.method(), target, type,
                ("{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING)).getBytes(StandardCharsets.UTF_8)));

        if (operation.bodySchema() != null && sample instanceof Map<?, ?> rawMap) {
            @SuppressWarnings("unchecked")
            Map<String, Object> valid = (Map<String, Object>) rawMap;
            Map<String, Object> properties = properties(operation.bodySchema());
            // Wrong types per field, and odd values of the right type.
            for (Map.Entry<String, Object> field : properties.entrySet()) {
                List<Object> wrongs = wrongValues(schema(field.getValue()));
                for (int i = 0; i < 2 && !wrongs.isEmpty(); i++) {
                    Map<String, Object> body = new LinkedHashMap<>(valid);
                    body.put(field.getKey(), wrongs.remove(random.nextInt(wrongs.size())));
                    cases.add(body("wrong type " + field.getKey(), operation.method(), target, type, encode(operation, body)));
                }
            }
            // Missing fields: each required one, then all.
            for (String field : required(operation.bodySchema())) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.remove(field);
                cases.add(body("missing " + field, operation.method(), target, type, encode(operation, body)));
            }
            cases.add(body("empty object", operation.method(), target, type, encode(operation, Map.of())));
            // Extra fields.
            Map<String, Object> extra = new LinkedHashMap<>(valid);
            extra.put("unexpected", Map.of("nested", List.of(1, "two", true)));
            extra.put("__proto__", Map.of("admin", true));
            extra.put("id", UUID.randomUUID().toString());
            extra.put("householdId", UUID.randomUUID().toString());
            cases.add(body("extra fields", operation.method(), target, type, encode(operation, extra)));
            // Duplicate key.
            if (json && !valid.isEmpty()) {
                String text = new String(encode(operation, valid), StandardCharsets.UTF_8);
                String key = valid.keySet().iterator().next();
                cases.add(body("duplicate key", operation.method(), target, type,
                        ("{\"" + key + "\":123," + text.substring(1)).getBytes(StandardCharsets.UTF_8)));
            }
            // Huge: just under and over the server's limit, in the first field.
            if (json) {
                String key = valid.isEmpty() ? "x" : valid.keySet().iterator().next();
                cases.add(huge("just under the size limit", operation.method(), target, type, key, MAX_REQUEST_SIZE - 4096, false));
                cases.add(huge("over the size limit", operation.method(), target, type, key, MAX_REQUEST_SIZE + 4096, true));
            }
        } else if (operation.bodySchema() != null) {
            cases.add(huge("just under the size limit", operation.method(), target, type, "x", MAX_REQUEST_SIZE - 4096, false));
            cases.add(huge("over the size limit", operation.method(), target, type, "x", MAX_REQUEST_SIZE + 4096, true));
        } else if (round == 0) {
            cases.add(huge("over the size limit", operation.method(), target, "application/json", "x", MAX_REQUEST_SIZE + 4096, true));
        }

        // Wrong and broken media types with the valid body.
        byte[] validBody = encode(operation, sample);
        for (String wrong : pick(random, 5, "text/plain", "application/xml", "multipart/form-data", "multipart/form-data; boundary=zz",
                "application/x-www-form-urlencoded", "application/json; charset=ebcdic", "application/json; charset=utf-16",
                "image/png", "*/*", ";;", "application/problem+json", "application/json; charset=\"", "text/csv")) {
            if (!wrong.equals(type)) {
                cases.add(body("content type " + wrong, operation.method(), target, wrong, validBody));
            }
        }
        Map<String, String> noType = new LinkedHashMap<>();
        cases.add(new Case("no content type", operation.method(), target, noType, validBody, false));
        Map<String, String> oddHeaders = new LinkedHashMap<>();
        oddHeaders.put("Content-Type", type);
        oddHeaders.put("Accept", "text/html;q=abc, */*;q=");
        oddHeaders.put("Accept-Language", "zz-ZZZZZZZZZ;q=2, ;;, \u00ff");
        oddHeaders.put("Content-Encoding", "gzip");
        cases.add(new Case("odd headers", operation.method(), target, oddHeaders, validBody, false));

        // Junk in the path: each parameter in turn.
        for (String parameter : operation.pathParameters()) {
            for (String junk : pathJunk(random)) {
                String junkPath = operation.path();
                for (String p : operation.pathParameters()) {
                    junkPath = junkPath.replace("{" + p + "}", p.equals(parameter) ? junk : realValue(p));
                }
                cases.add(body("path junk", operation.method(), junkPath.getBytes(StandardCharsets.ISO_8859_1), type, validBody));
            }
        }
        cases.add(body("path suffix", operation.method(), (path + "/..%2F..%2Fetc%2Fpasswd").getBytes(StandardCharsets.ISO_8859_1), type, validBody));
        cases.add(body("raw bytes in path", operation.method(),
                concat(path.getBytes(StandardCharsets.ISO_8859_1), new byte[] {'/', (byte) 0xFF, (byte) 0xC3, '(', 0x7F}), type, validBody));

        // Junk in the query: every declared parameter, and some nobody declared.
        List<String> queryNames = new ArrayList<>(operation.queryParameters());
        queryNames.add(random.nextBoolean() ? "limit" : "since");
        for (String name : queryNames) {
            for (String junk : queryJunk(random)) {
                cases.add(body("query junk " + name, operation.method(), target(operation, path, name + "=" + junk), type, validBody));
            }
        }
        cases.add(body("query junk repeated", operation.method(), target(operation, path, "a=1&a=2&a&=&&%=%%"), type, validBody));
        return cases;
    }

    private static Case body(String kind, String method, byte[] target, String type, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        return new Case(kind, method, target, headers, body, false);
    }

    private static Case huge(String kind, String method, byte[] target, String type, String key, int size, boolean oversize) {
        byte[] start = ("{\"" + key + "\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        System.arraycopy(start, 0, body, 0, start.length);
        java.util.Arrays.fill(body, start.length, size - 2, (byte) 'a');
        body[size - 2] = '"';
        body[size - 1] = '}';
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        return new Case(kind, method, target, headers, body, oversize);
    }

    private static List<String> pathJunk(Random random) {
        return pick(random, 5, "..", "..%2F..%2Fetc%2Fpasswd", "%00", "a%00b", "%ZZ", "%", "x".repeat(5000),
                "1".repeat(300), "%C3%28", "%F0%9F%98%80", "%E6%B1%89%E5%AD%97", "-1", "0", "99999999999999999999999",
                "%27%20OR%201=1--", "%2e%2e", "%20", "null", "undefined", "%7B%7D", "a;b", "{id}");
    }

    private static List<String> queryJunk(Random random) {
        return pick(random, 3, "%ZZ", "", "x".repeat(8000), "%F0%9F%98%80%00", "-1", "0",
                "99999999999999999999", "true", "2026-13-45", "%27%3B%20DROP%20TABLE%20household%3B--", "%FF%FE",
                "NaN", "1e999", "%5B%5D", "a&b=%", "-9223372036854775809");
    }

    /** {@code n} of the values, chosen by the seeded random: each round covers another share. */
    private static List<String> pick(Random random, int n, String... values) {
        List<String> all = new ArrayList<>(List.of(values));
        java.util.Collections.shuffle(all, random);
        return all.subList(0, Math.min(n, all.size()));
    }

    private static List<byte[]> junkForms(Random random) {
        List<byte[]> forms = new ArrayList<>();
        for (String form : List.of("", "=", "&&&", "a=%ZZ", "version=abc&status=NOPE", "version=-1&status=DONE",
                "version=99999999999999999999999", "title=" + "x".repeat(100_000), "date=2026-02-31&time=25:61",
                "startsAt=yesterday&durationMinutes=-5", "reason=%00&note=%F0%9F%98%80", "lang=../../etc/passwd",
                "buddyUserId=%27%20OR%201%3D1", "a=1&a=2&a=3", "%=%", "{\"json\":true}")) {
            forms.add(form.getBytes(StandardCharsets.UTF_8));
        }
        forms.add(new byte[] {'t', 'e', 'x', 't', '=', (byte) 0xC3, 0x28, (byte) 0xFF});
        byte[] noise = new byte[256];
        random.nextBytes(noise);
        forms.add(noise);
        return forms;
    }

    private static List<Object> wrongValues(Map<String, Object> schema) {
        List<Object> values = new ArrayList<>(List.of(new Raw("null"), new Raw("true"), new Raw("{}"), new Raw("[]"),
                new Raw("[null]"), new Raw("-1"), new Raw("1.5"), new Raw("99999999999999999999999999"),
                new Raw("-9223372036854775809"), new Raw("1e400"), "", "x".repeat(100_000), "\u0000\u0001",
                "\uD83D\uDE00\u202E", "NOT_A_VALUE", "2026-02-31", "../../etc/passwd", "<script>alert(1)</script>",
                List.of(List.of(List.of())), Map.of("a", Map.of("b", List.of()))));
        Object type = schema.get("type");
        if ("string".equals(type)) {
            values.add(new Raw("12345"));
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.add("12");
        } else if ("boolean".equals(type)) {
            values.add("true");
            values.add(new Raw("0"));
        } else if ("array".equals(type)) {
            values.add(List.of(new Raw("{}"), "x", new Raw("1")));
        }
        return values;
    }

    // ------------------------------------------------------------------ the document

    private Map<String, Object> readSpec() throws IOException {
        Path folder;
        try {
            folder = Path.of(getClass().getResource("/META-INF/swagger").toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("no META-INF/swagger on the classpath: compile the backend first", e);
        }
        Path yml;
        try (Stream<Path> files = Files.list(folder)) {
            yml = files.filter(file -> file.getFileName().toString().endsWith(".yml")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(yml)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        for (Map.Entry<String, Object> entry : paths.entrySet()) {
            Map<String, Object> item = (Map<String, Object>) entry.getValue();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                Map<String, Object> op = (Map<String, Object>) item.get(method);
                if (op == null) {
                    continue;
                }
                List<String> pathParameters = new ArrayList<>();
                List<String> queryParameters = new ArrayList<>();
                for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
                    Map<String, Object> parameter = (Map<String, Object>) p;
                    if ("path".equals(parameter.get("in"))) {
                        pathParameters.add((String) parameter.get("name"));
                    } else if ("query".equals(parameter.get("in"))) {
                        queryParameters.add((String) parameter.get("name"));
                    }
                }
                Matcher template = Pattern.compile("\\{([^}]+)}").matcher(entry.getKey());
                while (template.find()) {
                    if (!pathParameters.contains(template.group(1))) {
                        pathParameters.add(template.group(1));
                    }
                }
                String mediaType = null;
                Map<String, Object> schema = null;
                Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
                if (requestBody != null) {
                    Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
                    Map.Entry<String, Object> first = content.entrySet().iterator().next();
                    mediaType = first.getKey();
                    schema = (Map<String, Object>) ((Map<String, Object>) first.getValue()).getOrDefault("schema", Map.of());
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), entry.getKey(), pathParameters,
                        queryParameters, mediaType, schema));
            }
        }
        return operations;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schema(Object schema) {
        Map<String, Object> map = (Map<String, Object>) schema;
        for (int i = 0; i < 10 && map.containsKey("$ref"); i++) {
            String name = ((String) map.get("$ref")).substring("#/components/schemas/".length());
            map = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas")).get(name);
        }
        if (map.containsKey("allOf")) {
            Map<String, Object> merged = new LinkedHashMap<>();
            Map<String, Object> properties = new LinkedHashMap<>();
            for (Object part : (List<Object>) map.get("allOf")) {
                Map<String, Object> resolved = schema(part);
                merged.putAll(resolved);
                properties.putAll((Map<String, Object>) resolved.getOrDefault("properties", Map.of()));
            }
            merged.put("properties", properties);
            return merged;
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema(schema).getOrDefault("properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    private List<String> required(Map<String, Object> schema) {
        return (List<String>) schema(schema).getOrDefault("required", List.of());
    }

    /** A plausible value for the schema: the starting point that the cases then break. */
    @SuppressWarnings("unchecked")
    private Object sample(Map<String, Object> raw, int depth) {
        Map<String, Object> schema = schema(raw);
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        Object type = schema.get("type");
        if ("array".equals(type)) {
            return depth > 3 || schema.get("items") == null ? List.of() : List.of(sample((Map<String, Object>) schema.get("items"), depth + 1));
        }
        if ("integer".equals(type)) {
            return 1;
        }
        if ("number".equals(type)) {
            return 1.5;
        }
        if ("boolean".equals(type)) {
            return true;
        }
        if ("string".equals(type)) {
            String format = (String) schema.get("format");
            if ("date".equals(format)) {
                return "2026-12-01";
            }
            if ("date-time".equals(format)) {
                return "2026-12-01T10:00:00Z";
            }
            return "fuzz";
        }
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        Map<String, Object> value = new LinkedHashMap<>();
        if (properties != null && depth <= 3) {
            properties.forEach((name, property) -> value.put(name, sample((Map<String, Object>) property, depth + 1)));
        } else if (schema.containsKey("additionalProperties")) {
            value.put("key", "value");
        }
        return value;
    }

    private byte[] encode(Operation operation, Object value) {
        String type = operation.mediaType() == null ? "application/json" : operation.mediaType();
        if (type.contains("form-urlencoded") && value instanceof Map<?, ?> map) {
            StringBuilder form = new StringBuilder();
            map.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v instanceof Raw r ? r.json() : String.valueOf(v), StandardCharsets.UTF_8)));
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (!type.contains("json")) {
            return ("name;value\n" + value + "\n").getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder json = new StringBuilder();
        write(json, value);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Raw raw) {
            json.append(raw.json());
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(first ? "" : ",");
                first = false;
                write(json, String.valueOf(entry.getKey()));
                json.append(':');
                write(json, entry.getValue());
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                write(json, list.get(i));
            }
            json.append(']');
        } else {
            json.append('"');
            for (char c : value.toString().toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
    }

    // ------------------------------------------------------------------ ids, sessions, health

    /** The path with real fixture ids, so that requests get past "not found" to the body. */
    private String realPath(Operation operation) {
        String path = operation.path();
        for (String parameter : operation.pathParameters()) {
            path = path.replace("{" + parameter + "}", realValue(parameter));
        }
        return path;
    }

    private String realValue(String parameter) {
        switch (parameter) {
            case "id":
            case "householdId":
                return householdId;
            case "memberId":
                return memberId;
            case "lang":
                return "en";
            case "file":
                return "fuzz.ics";
            case "name":
                return "fuzz";
            default:
                return UUID.nameUUIDFromBytes(parameter.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    private static byte[] target(Operation operation, String path, String query) {
        return (query.isEmpty() ? path : path + "?" + query).getBytes(StandardCharsets.ISO_8859_1);
    }

    private void signIn(Role role) throws IOException {
        switch (role) {
            case OFFICER -> tokens.put(role, login("officer@testdorp.test"));
            case BUDDY -> tokens.put(role, login("buddy@testdorp.test"));
            case EDITOR -> tokens.put(role, login("editor@testdorp.test"));
            case ADMIN -> tokens.put(role, login("admin@welkom.test"));
            case DEVICE -> tokens.put(role, activateDevice());
            default -> throw new IllegalArgumentException(role.name());
        }
    }

    private String login(String username) throws IOException {
        Map<String, Object> session = json("POST", "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", 200);
        return (String) session.get("token");
    }

    @SuppressWarnings("unchecked")
    private String activateDevice() throws IOException {
        String officer = login("officer@testdorp.test");
        if (householdId == null) {
            List<Object> households = mapper.readValue(get("/api/households", officer).body(), Argument.listOf(Object.class));
            Map<String, Object> household = households.stream().map(h -> (Map<String, Object>) h)
                    .filter(h -> "T-SCOPE".equals(h.get("reference"))).findFirst().orElseThrow();
            householdId = (String) household.get("id");
            memberId = (String) ((Map<String, Object>) ((List<Object>) household.get("members")).get(0)).get("id");
        }
        Map<String, Object> code = json("POST", "/api/households/" + householdId + "/activation-codes", officer, "", 201);
        Map<String, Object> session = json("POST", "/api/activation", null,
                "{\"code\":\"" + code.get("code") + "\",\"deviceName\":\"Fuzz phone\"}", 200);
        return (String) session.get("token");
    }

    private boolean stillSignedIn(Role role) throws IOException {
        return get("/api/me", tokens.get(role)).status() != 401;
    }

    private Map<String, Object> json(String method, String path, String token, String body, int expected) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        RawHttp.Answer answer = http.send(method, path.getBytes(StandardCharsets.UTF_8), headers, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, answer.status(), method + " " + path + ": " + answer.body());
        return mapper.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
    }

    private RawHttp.Answer get(String path, String token) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return http.send("GET", path.getBytes(StandardCharsets.UTF_8), headers, null);
    }

    private void serverIsHealthy() throws IOException {
        assertEquals(200, get("/health", null).status(), "health after the fuzz");
        assertEquals(200, get("/api/content", null).status(), "content after the fuzz");
        String officer = login("officer@testdorp.test");
        assertEquals(200, get("/api/households", officer).status(), "households after the fuzz");
    }

    private String dashboardSession(String username) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        RawHttp.Answer answer = http.send("POST", "/login".getBytes(StandardCharsets.UTF_8), headers,
                ("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String cookie = answer.header("set-cookie");
        assertTrue(cookie != null && cookie.startsWith("WELKOM_SESSION="), "a session cookie: " + answer.status() + " " + answer.headers());
        return cookie.substring("WELKOM_SESSION=".length()).split(";")[0];
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String preview(byte[] body) {
        return shorten(new String(body, StandardCharsets.ISO_8859_1)).replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String internals(String body) {
        Matcher m = INTERNALS.matcher(body);
        if (!m.find()) {
            return "";
        }
        int from = Math.max(0, m.start() - 120);
        return body.substring(from, Math.min(body.length(), m.end() + 120));
    }
}
