package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import nl.welkom.client.Welkom;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the server says a phone may hold, asked online with that phone's own token
 * ({@code GET /api/households}, then each household's tasks): the reference a phone's store must
 * equal after a clean sync. Households and tasks are ordered by id.
 */
final class ServerView {
    private static final Gson GSON = new Gson();
    private static final OkHttpClient HTTP = new OkHttpClient();

    final List<Household> households;
    final List<Task> tasks;

    private ServerView(List<Household> households, List<Task> tasks) {
        this.households = households;
        this.tasks = tasks;
    }

    static ServerView of(String baseUrl, String token) throws IOException {
        List<Household> households = new ArrayList<>(get(baseUrl, token, "/api/households",
                new TypeToken<List<Household>>() { }.getType()));
        households.sort(Comparator.comparing(Household::id));
        List<Task> tasks = new ArrayList<>();
        for (Household h : households) {
            List<Task> of = get(baseUrl, token, "/api/households/" + h.id() + "/tasks",
                    new TypeToken<List<Task>>() { }.getType());
            tasks.addAll(of);
        }
        tasks.sort(Comparator.comparing(Task::id));
        return new ServerView(households, tasks);
    }

    /** The phone's copy, ordered the same way. */
    static ServerView of(Welkom phone) {
        List<Household> households = new ArrayList<>(phone.journey().households());
        households.sort(Comparator.comparing(Household::id));
        List<Task> tasks = new ArrayList<>(phone.journey().tasks());
        tasks.sort(Comparator.comparing(Task::id));
        return new ServerView(households, tasks);
    }

    /**
     * Asserts that a phone with an empty outbox holds exactly what the server gives its token:
     * the same households (field by field) and the same tasks (field by field, versions included).
     */
    static void assertPhoneEqualsServer(String label, Welkom phone, String baseUrl) throws IOException {
        assertEquals(0, phone.pendingChanges(), label + ": outbox empty");
        String token = phone.session().orElseThrow().token();
        ServerView server = of(baseUrl, token);
        ServerView mine = of(phone);
        assertEquals(server.households, mine.households, label + ": households");
        assertEquals(server.tasks, mine.tasks, label + ": tasks");
    }

    private static <T> T get(String baseUrl, String token, String path, Type type) throws IOException {
        Request request = new Request.Builder().url(baseUrl + path).header("Authorization", "Bearer " + token).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            assertEquals(200, response.code(), "GET " + path + ": " + text);
            return GSON.fromJson(text, type);
        }
    }
}
