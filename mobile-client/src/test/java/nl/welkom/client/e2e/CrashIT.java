package nl.welkom.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import nl.welkom.client.Messages;
import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomException;
import nl.welkom.client.store.InMemoryLocalStore;
import nl.welkom.client.store.jdbc.SqliteLocalStore;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.message.Message;
import nl.welkom.model.sync.Mutation;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code kill -9} at random moments (docs/backup.md, "Crashes"). A fixed seed; 10 rounds in CI,
 * more with {@code -Dwelkom.crash.rounds} ({@code bench/run.sh --crash}).
 *
 * <ul>
 *   <li>The backend jar, killed ({@code Process.destroyForcibly}, SIGKILL) while four writers go
 *       on — the officer sending messages and editing two tasks' notes over the API, a phone
 *       sending messages through the client library — and started again on the same SQLite file:
 *       every write that was acknowledged (a 2xx received, a sync returned) is there, and
 *       {@code PRAGMA integrity_check} says ok.</li>
 *   <li>A phone's JDBC store, in a child JVM killed during its write-and-sync loop: the store
 *       opens, passes {@code integrity_check}, every edit the phone had made is in its outbox or
 *       on the server, and a later sync delivers each exactly once.</li>
 * </ul>
 */
class CrashIT {
    private static final int ROUNDS = Integer.getInteger("welkom.crash.rounds", 10);
    private static final long SEED = Long.getLong("welkom.crash.seed", 20261204L);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Gson GSON = new Gson();

    /** The server is started eleven times: C1 only and the serial collector start it sooner (durability is the same). */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private Path folder;
    private BackendProcess server;

    @BeforeEach
    void startBackend() throws Exception {
        folder = Files.createTempDirectory("welkom-crash");
        Path data = folder.resolve("backend-data");
        Files.createDirectories(data);
        server = new BackendProcess(data, QUICK_START);
        server.start();
    }

    @AfterEach
    void stopBackend() throws IOException {
        server.close();
        deleteFolder(folder);
    }

    static void deleteFolder(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillingTheBackendAtRandomMoments() throws Exception {
        Random random = new Random(SEED);
        String baseUrl = server.baseUrl();
        Officer officer = Officer.login(baseUrl, "officer@zwolle.demo", "welkom-demo");
        String token = officerToken(baseUrl);
        Household haile = officer.household("Familie Haile");
        Household alKhatib = officer.household("Familie Al-Khatib");
        List<Task> tasks = officer.tasks(haile.id());
        List<String> editedTasks = List.of(tasks.get(0).id(), tasks.get(1).id());

        Welkom phone = Phones.phone(baseUrl, new InMemoryLocalStore(), false, 200, null);
        ActivationCode code = officer.createActivationCode(alKhatib.id());
        phone.activate(code.code(), "Telefoon Al-Khatib");
        phone.sync(SyncListener.NONE);

        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(1, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();
        Set<String> officerMessages = ConcurrentHashMap.newKeySet();
        Set<String> phoneMessages = ConcurrentHashMap.newKeySet();
        Map<String, AtomicLong> ackedNote = new ConcurrentHashMap<>();
        Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
        for (Task task : tasks.subList(0, 2)) {
            versions.put(task.id(), new AtomicLong(task.version()));
        }
        AtomicLong taskEdits = new AtomicLong();
        AtomicLong noteCounter = new AtomicLong();
        List<String> phoneWaiting = new CopyOnWriteArrayList<>();

        for (int round = 1; round <= ROUNDS; round++) {
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            int r = round;
            writers.add(new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String body = GSON.toJson(Map.of("text", "Ronde " + r + ", bericht " + i + " van de gemeente"));
                    Request request = new Request.Builder().url(baseUrl + "/api/households/" + haile.id() + "/messages")
                            .header("Authorization", "Bearer " + token).post(RequestBody.create(body, JSON)).build();
                    try (Response response = http.newCall(request).execute()) {
                        if (response.code() == 201) {
                            officerMessages.add(GSON.fromJson(response.body().string(), Message.class).id());
                        }
                    } catch (IOException down) {
                        pause(20);
                    }
                }
            }));
            for (String taskId : editedTasks) {
                ackedNote.putIfAbsent(taskId, new AtomicLong(-1));
                writers.add(new Thread(() -> {
                    while (!stop.get()) {
                        long n = noteCounter.incrementAndGet();
                        String body = GSON.toJson(Map.of("note", "Notitie " + n, "baseVersion", versions.get(taskId).get()));
                        Request request = new Request.Builder().url(baseUrl + "/api/tasks/" + taskId)
                                .header("Authorization", "Bearer " + token).patch(RequestBody.create(body, JSON)).build();
                        try (Response response = http.newCall(request).execute()) {
                            if (response.code() == 200) {
                                versions.get(taskId).set(GSON.fromJson(response.body().string(), Task.class).version());
                                ackedNote.get(taskId).set(n);
                                taskEdits.incrementAndGet();
                            }
                        } catch (IOException down) {
                            pause(20);
                        }
                    }
                }));
            }
            writers.add(new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    Messages.Entry entry = phone.messages().send(alKhatib.id(), "Ronde " + r + ", bericht " + i + " van de familie");
                    phoneWaiting.add(entry.message().id());
                    try {
                        phone.sync(SyncListener.NONE);
                    } catch (WelkomException down) {
                        pause(20);
                        continue;
                    }
                    Set<String> pending = phone.messages().conversation(alKhatib.id()).stream()
                            .filter(Messages.Entry::pending).map(e -> e.message().id()).collect(Collectors.toSet());
                    for (String id : new ArrayList<>(phoneWaiting)) {
                        if (!pending.contains(id)) {
                            phoneMessages.add(id);
                            phoneWaiting.remove(id);
                        }
                    }
                }
            }));
            writers.forEach(Thread::start);
            // On a slow machine a kind of writer may not get through in 150–950 ms: until each kind has had
            // an acknowledged write, a round first waits for one (at most 30 s), then kills at random.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((officerMessages.isEmpty() || phoneMessages.isEmpty() || taskEdits.get() == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(150 + random.nextInt(800));
            server.stop(); // SIGKILL, mid-write
            stop.set(true);
            for (Thread writer : writers) {
                writer.join(30_000);
                assertFalse(writer.isAlive(), "a writer hangs");
            }
            assertEquals("ok", integrityCheck(server.dataFolder().resolve("welkom.db")), "round " + round + ": integrity");
            server.start();

            Set<String> onServer = new HashSet<>();
            onServer.addAll(ids(officer.get("/api/households/" + haile.id() + "/messages")));
            Set<String> fromPhone = ids(officer.get("/api/households/" + alKhatib.id() + "/messages"));
            List<String> lost = new ArrayList<>();
            officerMessages.stream().filter(id -> !onServer.contains(id)).forEach(lost::add);
            phoneMessages.stream().filter(id -> !fromPhone.contains(id)).forEach(lost::add);
            for (String taskId : editedTasks) {
                long acked = ackedNote.get(taskId).get();
                String note = officer.task(haile.id(), taskId).note();
                long stored = note == null ? -1 : Long.parseLong(note.substring("Notitie ".length()));
                // A later edit may have been applied without its answer arriving; an earlier one may not win.
                if (acked >= 0 && stored < acked) {
                    lost.add("task " + taskId + " note " + acked + " (has " + stored + ")");
                }
            }
            assertEquals(List.of(), lost, "round " + round + ": acknowledged writes lost\n" + server.output());
        }
        long acknowledged = officerMessages.size() + phoneMessages.size() + taskEdits.get();
        assertTrue(officerMessages.size() > 0 && phoneMessages.size() > 0 && taskEdits.get() > 0, "every writer got through");
        System.out.println("CrashIT: " + ROUNDS + " rounds, " + acknowledged + " acknowledged writes ("
                + officerMessages.size() + " officer messages, " + taskEdits.get() + " task edits, " + phoneMessages.size()
                + " phone messages), 0 lost, integrity ok (seed " + SEED + ")");
    }

    @Test
    void aPhoneStoreKilledDuringASyncKeepsEveryEditAndDeliversEachExactlyOnce() throws Exception {
        Random random = new Random(SEED + 1);
        String baseUrl = server.baseUrl();
        Officer officer = Officer.login(baseUrl, "officer@zwolle.demo", "welkom-demo");
        Household haile = officer.household("Familie Haile");
        File storeFile = folder.resolve("phone/welkom.db").toFile();
        assertTrue(storeFile.getParentFile().mkdirs());

        Map<String, String> queued = new LinkedHashMap<>(); // id -> text, every edit the phone committed
        int acked = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            String code = round == 1 ? officer.createActivationCode(haile.id()).code() : "-";
            Process child = childJvm(baseUrl, storeFile, haile.id(), round, code);
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> readLines(child, lines));
            reader.start();
            awaitLine(lines, "READY", child);
            Thread.sleep(random.nextInt(800));
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            reader.join(10_000);

            Set<String> ackedNow = new HashSet<>();
            for (String line : new ArrayList<>(lines)) {
                if (line.startsWith("QUEUED ")) {
                    String[] parts = line.split(" ", 3);
                    queued.put(parts[1], parts[2]);
                } else if (line.startsWith("ACKED ")) {
                    ackedNow.add(line.substring("ACKED ".length()));
                }
            }
            acked += ackedNow.size();
            assertEquals("ok", integrityCheck(storeFile.toPath()), "round " + round + ": store integrity");
            try (SqliteLocalStore store = SqliteLocalStore.open(storeFile)) {
                for (Mutation m : store.outbox()) {
                    queued.putIfAbsent(m.id(), m.value());
                }
                Set<String> outbox = store.outbox().stream().map(Mutation::id).collect(Collectors.toSet());
                Set<String> onServer = ids(officer.get("/api/households/" + haile.id() + "/messages"));
                for (String id : queued.keySet()) {
                    assertTrue(outbox.contains(id) || onServer.contains(id),
                            "round " + round + ": edit " + id + " is neither in the outbox nor on the server");
                }
                for (String id : ackedNow) {
                    assertFalse(outbox.contains(id), "round " + round + ": an acknowledged edit is still in the outbox");
                    assertTrue(onServer.contains(id), "round " + round + ": an acknowledged edit is not on the server");
                }
            }
        }

        // A later sync (the phone started again) delivers what is left, each edit exactly once.
        try (SqliteLocalStore store = SqliteLocalStore.open(storeFile)) {
            Welkom phone = Phones.phone(baseUrl, store, true, 200, null);
            phone.sync(SyncListener.NONE);
            assertEquals(0, phone.pendingChanges(), "the outbox is empty after one good sync");
        }
        List<Message> conversation = GSON.fromJson(officer.get("/api/households/" + haile.id() + "/messages"),
                new TypeToken<List<Message>>() { }.getType());
        Map<String, Long> copies = conversation.stream().collect(Collectors.groupingBy(Message::text, Collectors.counting()));
        List<String> notOnce = queued.values().stream().filter(text -> copies.getOrDefault(text, 0L) != 1L)
                .collect(Collectors.toList());
        assertEquals(List.of(), notOnce, "each edit exactly once on the server");
        assertEquals("ok", integrityCheck(storeFile.toPath()));
        System.out.println("CrashIT (phone store): " + ROUNDS + " rounds, " + queued.size() + " local edits ("
                + acked + " acknowledged before the kill), 0 lost, each delivered exactly once, integrity ok (seed "
                + (SEED + 1) + ")");
    }

    private static Process childJvm(String baseUrl, File store, String household, int round, String code) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classpath, StoreCrashChild.class.getName(),
                baseUrl, store.getPath(), household, String.valueOf(round), code);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void readLines(Process child, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException killed) {
            // the child is gone
        }
    }

    private static void awaitLine(List<String> lines, String expected, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (lines.contains(expected)) {
                return;
            }
            if (!child.isAlive()) {
                break;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the phone did not start:\n" + String.join("\n", lines));
    }

    private static Set<String> ids(String json) {
        List<Message> messages = GSON.fromJson(json, new TypeToken<List<Message>>() { }.getType());
        return messages.stream().map(Message::id).collect(Collectors.toSet());
    }

    /** {@code PRAGMA integrity_check} of a SQLite file, opened as the next start would open it. */
    static String integrityCheck(Path file) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file + "?busy_timeout=5000");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("; ", lines);
    }

    private static String officerToken(String baseUrl) throws IOException {
        Request request = new Request.Builder().url(baseUrl + "/api/auth/login")
                .post(RequestBody.create(GSON.toJson(Map.of("username", "officer@zwolle.demo", "password", "welkom-demo")), JSON))
                .build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertEquals(200, response.code());
            return (String) GSON.fromJson(response.body().string(), Map.class).get("token");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
