package nl.welkom.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The officer's side, over the plain HTTP API, talking to the backend directly (not through the
 * counting proxy: only the phone's bytes are measured). JSON is read as trees, field by field, so
 * that additive wire changes do not break the bench.
 */
final class OfficerApi {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final String baseUrl;
    private final String token;

    private OfficerApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static OfficerApi login(String baseUrl, String username, String password) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("username", username);
        body.addProperty("password", password);
        Request request = new Request.Builder().url(baseUrl + "/api/auth/login")
                .post(RequestBody.create(body.toString(), JSON)).build();
        JsonObject session = call(request, 200).getAsJsonObject();
        return new OfficerApi(baseUrl, session.get("token").getAsString());
    }

    /** The officer's bearer token, for requests the bench makes itself. */
    String token() {
        return token;
    }

    /** Id of a household of the officer's caseload by display name. */
    String householdId(String displayName) throws IOException {
        for (JsonElement h : get("/api/households").getAsJsonArray()) {
            if (displayName.equals(h.getAsJsonObject().get("displayName").getAsString())) {
                return h.getAsJsonObject().get("id").getAsString();
            }
        }
        throw new IllegalStateException(displayName + " is not in the officer's caseload");
    }

    JsonArray tasks(String householdId) throws IOException {
        return get("/api/households/" + householdId + "/tasks").getAsJsonArray();
    }

    /** Every household id in the officer's caseload. */
    List<String> householdIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonElement h : get("/api/households").getAsJsonArray()) {
            ids.add(h.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    /** The household's languages as a phone's chain ({@code ar,en}); {@code en} when none are known. */
    String languageChain(String householdId) throws IOException {
        JsonObject household = get("/api/households/" + householdId).getAsJsonObject();
        List<String> chain = new ArrayList<>();
        if (household.has("languages") && household.get("languages").isJsonArray()) {
            household.getAsJsonArray("languages").forEach(language -> chain.add(language.getAsString()));
        }
        return chain.isEmpty() ? "en" : String.join(",", chain);
    }

    String createActivationCode(String householdId) throws IOException {
        Request request = authorised("/api/households/" + householdId + "/activation-codes")
                .post(RequestBody.create("", JSON)).build();
        return call(request, 201).getAsJsonObject().get("code").getAsString();
    }

    /**
     * Flips a task between DONE and OPEN with {@code PUT /api/tasks/{id}/status}, based on the
     * version given; returns the task as the server answers it.
     */
    JsonObject toggle(JsonObject task) throws IOException {
        String target = "DONE".equals(task.get("status").getAsString()) ? "OPEN" : "DONE";
        JsonObject body = new JsonObject();
        body.addProperty("status", target);
        body.addProperty("baseVersion", task.get("version").getAsLong());
        Request request = authorised("/api/tasks/" + task.get("id").getAsString() + "/status")
                .put(RequestBody.create(body.toString(), JSON)).build();
        return call(request, 200).getAsJsonObject();
    }

    /** Sends a message in the household's conversation ({@code POST /api/households/{id}/messages}). */
    void sendMessage(String householdId, String text) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("text", text);
        call(authorised("/api/households/" + householdId + "/messages").post(RequestBody.create(body.toString(), JSON))
                .build(), 201);
    }

    /** The household's appointments ({@code GET /api/households/{id}/appointments}), earliest first. */
    JsonArray appointments(String householdId) throws IOException {
        return get("/api/households/" + householdId + "/appointments").getAsJsonArray();
    }

    /**
     * Moves an appointment by a day: the whole appointment back with {@code PUT /api/appointments/{id}}
     * (its fields as the server gave them, start and end one day later).
     */
    void moveByADay(JsonObject appointment) throws IOException {
        JsonObject body = new JsonObject();
        for (String field : new String[] {"type", "purpose", "placeId", "address", "bring", "interpreterLanguage", "withName"}) {
            if (appointment.has(field) && !appointment.get(field).isJsonNull()) {
                body.add(field, appointment.get(field));
            }
        }
        body.add("memberIds", appointment.get("memberIds"));
        body.add("byPhone", appointment.get("byPhone"));
        body.addProperty("startsAt", java.time.Instant.parse(appointment.get("startsAt").getAsString())
                .plus(java.time.Duration.ofDays(1)).toString());
        body.addProperty("endsAt", java.time.Instant.parse(appointment.get("endsAt").getAsString())
                .plus(java.time.Duration.ofDays(1)).toString());
        call(authorised("/api/appointments/" + appointment.get("id").getAsString())
                .put(RequestBody.create(body.toString(), JSON)).build(), 200);
    }

    private JsonElement get(String path) throws IOException {
        return call(authorised(path).get().build(), 200);
    }

    private Request.Builder authorised(String path) {
        return new Request.Builder().url(baseUrl + path).header("Authorization", "Bearer " + token);
    }

    private static JsonElement call(Request request, int expected) throws IOException {
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (response.code() != expected) {
                throw new IOException(request.method() + " " + request.url().encodedPath() + ": expected "
                        + expected + ", got " + response.code() + " " + text);
            }
            return JsonParser.parseString(text);
        }
    }
}
