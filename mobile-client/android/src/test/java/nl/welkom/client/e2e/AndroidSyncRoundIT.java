package nl.welkom.client.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowNetworkCapabilities;

import android.content.Context;
import android.net.ConnectivityManager;
import android.net.NetworkCapabilities;

import nl.welkom.client.Welkom;
import nl.welkom.client.android.AndroidLocalStore;
import nl.welkom.client.android.Sealer;
import nl.welkom.client.android.SyncWorker;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * A family's phone on Android's own framework (Robolectric, Android 8 and a current SDK): the client
 * library on {@link AndroidLocalStore}, synced by {@link SyncWorker}, against the real backend jar
 * started as a process on loopback. Activate with the officer's code, pull the journey, tick a task
 * and write a note while the server is away, restart the app, and push when it is back.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {26, 34})
public class AndroidSyncRoundIT {

    private BackendProcess backend;
    private Path folder;
    private AndroidLocalStore store;
    private Context app;

    @Before
    public void startBackend() throws Exception {
        folder = Files.createTempDirectory("welkom-android-it");
        Path data = folder.resolve("backend-data");
        Files.createDirectories(data);
        backend = new BackendProcess(data);
        backend.start();
        app = RuntimeEnvironment.getApplication();
        ConnectivityManager connectivity = app.getSystemService(ConnectivityManager.class);
        NetworkCapabilities internet = ShadowNetworkCapabilities.newInstance();
        shadowOf(internet).addCapability(NetworkCapabilities.NET_CAPABILITY_INTERNET);
        shadowOf(connectivity).setNetworkCapabilities(connectivity.getActiveNetwork(), internet);
    }

    @After
    public void stopEverything() throws IOException {
        if (store != null) {
            store.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }

    private Welkom phone() {
        return Welkom.builder().baseUrl(backend.baseUrl()).store(store).build();
    }

    @Test
    public void aFamilysPhoneActivatesPullsEditsOfflineAndPushesWhenTheServerIsBack() throws Exception {
        Officer officer = Officer.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
        Household alKhatib = officer.household("Familie Al-Khatib");
        ActivationCode code = officer.createActivationCode(alKhatib.id());

        Sealer sealer = keystoreStandIn();
        store = AndroidLocalStore.open(app, "welkom.db", sealer);
        Welkom phone = phone();
        Session session = phone.activate(code.code(), "Telefoon Al-Khatib");
        assertEquals(Role.NEWCOMER, session.role());
        String file = new String(Files.readAllBytes(app.getDatabasePath("welkom.db").toPath()), StandardCharsets.ISO_8859_1);
        assertFalse("the device token is sealed in the database file", file.contains(session.token()));
        phone.setLanguages(Collections.singletonList("ar"));
        SyncWorker worker = new SyncWorker(app, SyncWorker.of(phone));

        assertEquals(SyncWorker.Outcome.SYNCED, worker.runOnce());
        assertEquals("Familie Al-Khatib", phone.journey().household().get().displayName());
        assertFalse("the journey arrived", phone.journey().tasks().isEmpty());
        assertFalse("lessons arrived", phone.lessons().topics().isEmpty());
        System.out.println("[android] content pack kept in the store: "
                + store.document("content", "").map(d -> d.body().length()).orElse(0) + " characters");
        Task open = phone.journey().tasks().stream()
                .filter(t -> t.status() == TaskStatus.OPEN && t.assignee() == TaskAssignee.FAMILY)
                .findFirst().orElseThrow(() -> new AssertionError("the demo family has an open task of its own"));

        // The server goes away; the family ticks the task and writes a note anyway.
        backend.stop();
        phone.journey().complete(open.id());
        phone.journey().setNote(open.id(), "Afspraak gemaakt — موعد محدد");
        assertEquals(TaskStatus.DONE, onPhone(phone, open.id()).status());
        assertEquals(2, phone.pendingChanges());
        assertEquals(SyncWorker.Outcome.RETRY, worker.runOnce());
        assertEquals("retried after 30 s", SyncWorker.INITIAL_BACKOFF_MILLIS, worker.nextDelayMillis());
        assertEquals("a failed sync keeps the edits", 2, phone.pendingChanges());

        // The app is closed and opened again: the edits are on disk.
        store.close();
        store = AndroidLocalStore.open(app, "welkom.db", sealer);
        Welkom reopened = phone();
        assertEquals(2, reopened.pendingChanges());
        assertEquals(TaskStatus.DONE, onPhone(reopened, open.id()).status());
        assertEquals("Afspraak gemaakt — موعد محدد", onPhone(reopened, open.id()).note());

        backend.start();
        SyncWorker again = new SyncWorker(app, SyncWorker.of(reopened));
        assertEquals(SyncWorker.Outcome.SYNCED, again.runOnce());
        assertEquals(0, reopened.pendingChanges());
        assertTrue(reopened.notices().isEmpty());
        Task seenByOfficer = officer.task(alKhatib.id(), open.id());
        assertEquals(TaskStatus.DONE, seenByOfficer.status());
        assertEquals("Afspraak gemaakt — موعد محدد", seenByOfficer.note());
        assertEquals(seenByOfficer.version(), onPhone(reopened, open.id()).version());
    }

    /** The Android Keystore is not in Robolectric: a software AES key in its place. */
    private static Sealer keystoreStandIn() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        return new Sealer(() -> spec);
    }

    private static Task onPhone(Welkom phone, String taskId) {
        return phone.journey().tasks().stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " is on the phone"));
    }
}
