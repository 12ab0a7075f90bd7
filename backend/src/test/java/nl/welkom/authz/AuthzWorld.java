package nl.welkom.authz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.welkom.TestDatabase;
import nl.welkom.TestServer;

/**
 * The world the authorisation tests probe: one server of their own on the demo data that ships (Zwolle and
 * Deventer), a token per role and, per target household, a real id of every kind of record a route names.
 * Started once per test run and shared by {@link AuthorizationMatrixTest} and {@link FieldAllowlistTest}.
 *
 * <p>Targets: {@link Target#OWN} is Familie Haile (WLK-2026-0001, Zwolle) — the device's household and the
 * buddy's match; {@link Target#SAME_MUNICIPALITY} is WLK-2026-0002 (Zwolle, not matched to that buddy);
 * {@link Target#OTHER_MUNICIPALITY} is WLK-2026-0004 (Deventer). Records the demo data lacks for a target are
 * added through the API as that household's officer, or as plain rows where no API makes them (a sync
 * conflict, an ended match).
 */
final class AuthzWorld {
    static final String PASSWORD = "welkom-demo";

    enum Role { ANONYMOUS, DEVICE, BUDDY, OFFICER, OTHER_OFFICER, EDITOR, ADMIN }

    enum Target { OWN, SAME_MUNICIPALITY, OTHER_MUNICIPALITY }

    private static AuthzWorld instance;

    private final Path dataDir;
    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final Map<Target, Map<String, String>> ids = new EnumMap<>(Target.class);
    final Map<String, String> global = new HashMap<>();
    /** Words that name a target household (display name, case reference): never on a refusal page. */
    final Map<Target, List<String>> names = new EnumMap<>(Target.class);

    static synchronized AuthzWorld get() {
        if (instance == null) {
            instance = new AuthzWorld();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private AuthzWorld() {
        try {
            dataDir = Files.createTempDirectory("welkom-authz");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> properties = TestServer.properties(dataDir);
        properties.put("welkom.demo.enabled", "true");
        properties.put("welkom.demo.location", "classpath:demo/demo.yaml");
        if (!TestDatabase.isPostgres()) {
            // Durability is not what these tests probe: no fsync per audit entry keeps thousands of probes quick.
            properties.put("datasources.default.url", "jdbc:sqlite:" + dataDir.resolve("welkom.db")
                    + "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true&synchronous=OFF");
        }
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        prepare();
    }

    private void prepare() {
        tokens.put(Role.OFFICER, login("officer@zwolle.demo"));
        tokens.put(Role.OTHER_OFFICER, login("officer@deventer.demo"));
        tokens.put(Role.BUDDY, login("buddy@zwolle.demo"));
        tokens.put(Role.EDITOR, login("editor@zwolle.demo"));
        tokens.put(Role.ADMIN, login("admin@welkom.demo"));
        String zwolle = string("SELECT id FROM municipality WHERE slug = 'zwolle'");
        String deventer = string("SELECT id FROM municipality WHERE slug = 'deventer'");
        String buddyUser = string("SELECT id FROM app_user WHERE username = 'buddy@zwolle.demo'");
        String zwolleOfficer = string("SELECT id FROM app_user WHERE username = 'officer@zwolle.demo'");
        String deventerOfficer = string("SELECT id FROM app_user WHERE username = 'officer@deventer.demo'");
        Map<Target, String> references = Map.of(Target.OWN, "WLK-2026-0001",
                Target.SAME_MUNICIPALITY, "WLK-2026-0002", Target.OTHER_MUNICIPALITY, "WLK-2026-0004");
        for (Target target : Target.values()) {
            boolean other = target == Target.OTHER_MUNICIPALITY;
            String officerToken = tokens.get(other ? Role.OTHER_OFFICER : Role.OFFICER);
            String officerUser = other ? deventerOfficer : zwolleOfficer;
            String municipality = other ? deventer : zwolle;
            String household = string("SELECT id FROM household WHERE reference = ?", references.get(target));
            names.put(target, List.of(string("SELECT display_name FROM household WHERE id = ?", household),
                    references.get(target)));
            Map<String, String> id = new HashMap<>();
            ids.put(target, id);
            id.put("household", household);
            id.put("municipality", municipality);
            id.put("member", string("SELECT id FROM member WHERE household_id = ? ORDER BY sort_order", household));
            id.put("task", string("SELECT id FROM task WHERE household_id = ? AND deleted = FALSE", household));
            String code = activationCode(officerToken, household);
            id.put("activationCode", string("SELECT id FROM activation_code WHERE household_id = ? AND used_at IS NULL"
                    + " AND withdrawn_at IS NULL", household));
            String deviceToken = activate(code);
            if (target == Target.OWN) {
                tokens.put(Role.DEVICE, deviceToken);
            }
            activationCode(officerToken, household); // one left outstanding for the withdraw routes
            id.put("activationCode", string("SELECT id FROM activation_code WHERE household_id = ? AND used_at IS NULL"
                    + " AND withdrawn_at IS NULL", household));
            id.put("device", string("SELECT id FROM device WHERE household_id = ? AND revoked_at IS NULL", household));
            id.put("appointment", orElse(stringOrNull("SELECT id FROM appointment WHERE household_id = ?", household),
                    () -> appointment(officerToken, household, municipality)));
            id.put("match", orElse(stringOrNull("SELECT id FROM buddy_match WHERE household_id = ?", household),
                    () -> insert("INSERT INTO buddy_match (id, buddy_user_id, household_id, started_at, ended_at,"
                            + " end_reason) VALUES (?, ?, ?, ?, ?, 'OTHER')", buddyUser, household,
                            now() - 86_400_000L, now())));
            id.put("conflict", insert("INSERT INTO conflict (id, entity_type, entity_id, household_id, base_version,"
                    + " server_version, server_value, client_value, created_at, field) VALUES (?, 'TASK', ?, ?, 1, 2,"
                    + " 'DONE', 'OPEN', ?, 'status')", id.get("task"), household, now()));
            id.put("offer", orElse(stringOrNull("SELECT id FROM housing_offer WHERE household_id = ?", household),
                    () -> insert("INSERT INTO housing_offer (id, household_id, street, house_number, postcode, city,"
                            + " offered_on, rooms, status, created_at, created_by, updated_at, updated_by)"
                            + " VALUES (?, ?, 'Brink', '1', '7411 BR', 'Deventer', ?, 3, 'OFFERED', ?, ?, ?, ?)",
                            household, LocalDate.now().toString(), now(), officerUser, now(), officerUser)));
            id.put("integrationMeeting", orElse(stringOrNull("SELECT id FROM integration_meeting WHERE household_id = ?",
                    household), () -> insert("INSERT INTO integration_meeting (id, household_id, member_id, held_on,"
                            + " conducted_by, summary, created_at, created_by, updated_at, updated_by)"
                            + " VALUES (?, ?, ?, ?, ?, 'Voortgang besproken.', ?, ?, ?, ?)", household, id.get("member"),
                            LocalDate.now().minusDays(3).toString(), officerUser, now(), officerUser, now(), officerUser)));
            id.put("need", orElse(stringOrNull("SELECT id FROM special_need WHERE household_id = ?", household),
                    () -> insert("INSERT INTO special_need (id, household_id, kind, created_at, created_by)"
                            + " VALUES (?, ?, 'SINGLE_PARENT', ?, ?)", household, now(), officerUser)));
            id.put("period", orElse(stringOrNull("SELECT id FROM quota_period WHERE municipality_id = ?", municipality),
                    () -> insert("INSERT INTO quota_period (id, municipality_id, label, starts_on, ends_on,"
                            + " target_persons, created_at, updated_at) VALUES (?, ?, '2099-1', '2099-01-01',"
                            + " '2099-06-30', 10, ?, ?)", municipality, now(), now())));
            send("GET", "/api/task-templates", officerToken, null, null); // copies the national templates on first use
            id.put("template", string("SELECT id FROM task_template WHERE municipality_id = ?", municipality));
            id.put("announcement", orElse(stringOrNull("SELECT id FROM announcement WHERE municipality_id = ?",
                    municipality), () -> announcement(officerToken)));
            id.put("volunteer", orElse(stringOrNull("SELECT id FROM volunteer WHERE municipality_id = ?", municipality),
                    () -> volunteer(municipality)));
            id.put("user", other ? deventerOfficer : zwolleOfficer);
        }
        global.put("lesson", string("SELECT id FROM lesson ORDER BY sort_order"));
        global.put("revision", string("SELECT id FROM lesson_revision ORDER BY created_at"));
        global.put("editorUser", string("SELECT id FROM app_user WHERE username = 'editor@zwolle.demo'"));
        Response feed = send("POST", "/api/me/calendar-feed", tokens.get(Role.OFFICER), "application/json", "{}");
        global.put("feed", json(feed.body()).get("token") + ".ics");
    }

    // --- HTTP ---

    record Response(int status, String contentType, String location, String body) {
    }

    /** Sends a request as the caller with {@code token}: a bearer header on /api, the session cookie elsewhere. */
    Response send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            if (path.startsWith("/api/")) {
                builder.header("Authorization", "Bearer " + token);
            } else {
                builder.header("Cookie", "WELKOM_SESSION=" + token);
            }
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            builder.header("Origin", origin()); // same-origin, so that PageFilter lets the probe through to authorisation
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String origin() {
        return "http://localhost:" + server.getPort();
    }

    String url(String path) {
        return origin() + path;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(String body) {
        try {
            return server.getApplicationContext().getBean(JsonMapper.class).readValue(body, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    Object jsonTree(String body) {
        try {
            return server.getApplicationContext().getBean(JsonMapper.class).readValue(body, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    String toJson(Object value) {
        try {
            return server.getApplicationContext().getBean(JsonMapper.class).writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    private String login(String username) {
        Response response = send("POST", "/api/auth/login", null, "application/json",
                toJson(Map.of("username", username, "password", PASSWORD)));
        check(response, 200);
        return String.valueOf(json(response.body()).get("token"));
    }

    private String activationCode(String officerToken, String household) {
        Response response = send("POST", "/api/households/" + household + "/activation-codes", officerToken,
                "application/json", "");
        check(response, 201);
        return String.valueOf(json(response.body()).get("code"));
    }

    private String activate(String code) {
        Response response = send("POST", "/api/activation", null, "application/json",
                toJson(Map.of("code", code, "deviceName", "Probe phone")));
        check(response, 200);
        return String.valueOf(json(response.body()).get("token"));
    }

    private String appointment(String officerToken, String household, String municipality) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(2, ChronoUnit.DAYS);
        Map<String, Object> body = new HashMap<>();
        body.put("type", "TOWN_HALL");
        body.put("purpose", "Inschrijving");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(1, ChronoUnit.HOURS).toString());
        body.put("placeId", string("SELECT id FROM place WHERE municipality_id = ? ORDER BY id", municipality));
        body.put("byPhone", false);
        Response response = send("POST", "/api/households/" + household + "/appointments", officerToken,
                "application/json", toJson(body));
        check(response, 201);
        return String.valueOf(json(response.body()).get("id"));
    }

    private String announcement(String officerToken) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Spreekuur");
        body.put("text", "Het spreekuur is op dinsdag.");
        body.put("targetKind", "ALL");
        body.put("expiresOn", LocalDate.now().plusDays(30).toString());
        Response response = send("POST", "/api/announcements", officerToken, "application/json", toJson(body));
        check(response, 201);
        return String.valueOf(json(response.body()).get("id"));
    }

    private String volunteer(String municipality) {
        Map<String, Object> body = new HashMap<>();
        body.put("municipalityId", municipality);
        body.put("firstName", "Probe");
        body.put("lastName", "Vrijwilliger");
        body.put("email", "probe." + UUID.randomUUID() + "@example.org");
        body.put("phone", "06 1234 5678");
        body.put("postcode", "7411 ab");
        body.put("hoursPerWeek", 2);
        body.put("interests", "Fietsen");
        body.put("prefers", List.of());
        body.put("gender", "WOMAN");
        body.put("maxHouseholds", 1);
        body.put("languages", List.of(Map.of("lang", "nl", "level", "NATIVE")));
        body.put("consent", true);
        Response response = send("POST", "/api/volunteer-applications", null, "application/json", toJson(body));
        check(response, 201);
        return String.valueOf(json(response.body()).get("id"));
    }

    private static void check(Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.status() + ": " + response.body());
        }
    }

    // --- database ---

    private static long now() {
        return System.currentTimeMillis();
    }

    private static String orElse(String value, java.util.function.Supplier<String> otherwise) {
        return value != null ? value : otherwise.get();
    }

    private Connection database() {
        return TestDatabase.connect(dataDir);
    }

    String string(String sql, Object... parameters) {
        String value = stringOrNull(sql, parameters);
        if (value == null) {
            throw new IllegalStateException("no row for " + sql);
        }
        return value;
    }

    String stringOrNull(String sql, Object... parameters) {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... parameters) {
        return Long.parseLong(string(sql, parameters));
    }

    /** Inserts a row whose first parameter is a new id, and returns that id. */
    private String insert(String sql, Object... parameters) {
        String id = UUID.randomUUID().toString();
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 2, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return id;
    }

    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private void stop() {
        server.stop();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder harms nothing
        }
    }
}
