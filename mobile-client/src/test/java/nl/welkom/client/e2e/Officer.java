package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.DeviceInfo;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.sync.ConflictRecord;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The officer's side of the end-to-end test, spoken over the plain HTTP API. */
final class Officer {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Gson GSON = new Gson();
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final String baseUrl;
    private final String token;

    private Officer(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static Officer login(String baseUrl, String username, String password) throws IOException {
        Request request = new Request.Builder().url(baseUrl + "/api/auth/login")
                .post(RequestBody.create(GSON.toJson(new LoginRequest(username, password)), JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertEquals(200, response.code(), "officer login");
            return new Officer(baseUrl, GSON.fromJson(response.body().string(), Session.class).token());
        }
    }

    List<Household> households() throws IOException {
        return get("/api/households", new TypeToken<List<Household>>() { }.getType());
    }

    Household household(String displayName) throws IOException {
        return households().stream().filter(h -> h.displayName().equals(displayName)).findFirst()
                .orElseThrow(() -> new AssertionError(displayName + " is not in the officer's caseload"));
    }

    List<Task> tasks(String householdId) throws IOException {
        return get("/api/households/" + householdId + "/tasks", new TypeToken<List<Task>>() { }.getType());
    }

    ActivationCode createActivationCode(String householdId) throws IOException {
        Request request = authorised("/api/households/" + householdId + "/activation-codes")
                .post(RequestBody.create("", JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertEquals(201, response.code(), "activation code created");
            return GSON.fromJson(response.body().string(), ActivationCode.class);
        }
    }

    /** One task of a household as the officer sees it now. */
    /** {@code GET path} as this officer; the body of a 200 answer. */
    String get(String path) throws IOException {
        try (Response response = HTTP.newCall(authorised(path).get().build()).execute()) {
            String text = response.body().string();
            assertEquals(200, response.code(), "GET " + path + ": " + text);
            return text;
        }
    }

    /** {@code POST path} with a JSON body as this officer; the body of a 200 answer. */
    String post(String path, Object body) throws IOException {
        Request request = authorised(path).post(RequestBody.create(GSON.toJson(body), JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            assertEquals(200, response.code(), "POST " + path + ": " + text);
            return text;
        }
    }

    Task task(String householdId, String taskId) throws IOException {
        return tasks(householdId).stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + taskId));
    }

    /**
     * {@code PATCH /api/tasks/{id}}: edits the fields given (status, note, dueDate; "" clears a note
     * or due date) by the server's edit rule, based on {@code baseVersion}.
     */
    Task editTask(String taskId, long baseVersion, Map<String, Object> fields) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("baseVersion", baseVersion);
        Request request = authorised("/api/tasks/" + taskId)
                .patch(RequestBody.create(GSON.toJson(body), JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            assertEquals(200, response.code(), "PATCH /api/tasks/" + taskId + ": " + text);
            return GSON.fromJson(text, Task.class);
        }
    }

    /** {@code GET /api/conflicts}: the open conflicts of the officer's municipality. */
    List<ConflictRecord> conflicts() throws IOException {
        return get("/api/conflicts", new TypeToken<List<ConflictRecord>>() { }.getType());
    }

    List<DeviceInfo> devices(String householdId) throws IOException {
        return get("/api/households/" + householdId + "/devices", new TypeToken<List<DeviceInfo>>() { }.getType());
    }

    DeviceInfo revokeDevice(String deviceId) throws IOException {
        Request request = authorised("/api/devices/" + deviceId + "/revoke").post(RequestBody.create("", JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            assertEquals(200, response.code(), "revoke: " + text);
            return GSON.fromJson(text, DeviceInfo.class);
        }
    }

    /** {@code GET /api/buddies}: the family friends of the municipality, as JSON objects (id, displayName, languages). */
    List<Map<String, Object>> buddies() throws IOException {
        return get("/api/buddies", new TypeToken<List<Map<String, Object>>>() { }.getType());
    }

    /** Matches a family friend with a household; returns the match id. */
    String startBuddyMatch(String householdId, String buddyUserId) throws IOException {
        Request request = authorised("/api/households/" + householdId + "/buddy-matches")
                .post(RequestBody.create(GSON.toJson(Map.of("buddyUserId", buddyUserId)), JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            assertEquals(201, response.code(), "buddy match: " + text);
            return (String) GSON.fromJson(text, Map.class).get("id");
        }
    }

    void endBuddyMatch(String matchId) throws IOException {
        Request request = authorised("/api/buddy-matches/" + matchId + "/end")
                .post(RequestBody.create(GSON.toJson(Map.of("reason", "FAMILY_SETTLED")), JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertEquals(200, response.code(), "end match: " + response.body().string());
        }
    }

    /** Sends a request that must be refused with {@code status} and a problem body; returns the body. */
    Map<String, Object> expectProblem(String method, String path, int status) throws IOException {
        RequestBody body = "GET".equals(method) ? null : RequestBody.create("", JSON);
        try (Response response = HTTP.newCall(authorised(path).method(method, body).build()).execute()) {
            assertEquals(status, response.code(), method + " " + path);
            String contentType = response.header("Content-Type", "");
            assertTrue(contentType.startsWith("application/problem+json"), "problem body, got " + contentType);
            return GSON.fromJson(response.body().string(), new TypeToken<Map<String, Object>>() { }.getType());
        }
    }

    private <T> T get(String path, Type type) throws IOException {
        try (Response response = HTTP.newCall(authorised(path).get().build()).execute()) {
            assertEquals(200, response.code(), "GET " + path);
            return GSON.fromJson(response.body().string(), type);
        }
    }

    /** {@code method path} with a JSON body as this officer; the body of a 2xx answer. */
    String send(String method, String path, Object body) throws IOException {
        Request request = authorised(path).method(method, RequestBody.create(GSON.toJson(body), JSON)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            assertTrue(response.isSuccessful(), method + " " + path + ": " + response.code() + " " + text);
            return text;
        }
    }

    private Request.Builder authorised(String path) {
        return new Request.Builder().url(baseUrl + path).header("Authorization", "Bearer " + token);
    }
}
