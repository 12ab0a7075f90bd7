package nl.welkom.client.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.LooperMode;
import org.robolectric.shadows.ShadowConnectivityManager;
import org.robolectric.shadows.ShadowLooper;
import org.robolectric.shadows.ShadowNetworkCapabilities;

import android.content.Context;
import android.net.ConnectivityManager;
import android.net.Network;
import android.net.NetworkCapabilities;
import android.os.Handler;
import android.os.Looper;

import nl.welkom.client.Failures;
import nl.welkom.client.WelkomException;

/**
 * The worker's scheduling on Android's own classes (Robolectric): connectivity from
 * {@code ConnectivityManager}, timers on a {@code Handler}, time moved by the paused looper.
 */
@RunWith(RobolectricTestRunner.class)
@LooperMode(LooperMode.Mode.PAUSED)
@Config(sdk = {26, 34})
public class SyncSchedulerTest {

    private Context context;
    private ConnectivityManager connectivity;
    private ShadowConnectivityManager network;
    private final AtomicInteger runs = new AtomicInteger();
    /** What the next runs throw, in order; an empty queue means the sync succeeds. */
    private final Deque<WelkomException> failures = new ArrayDeque<>();
    private SyncWorker worker;
    private SyncScheduler scheduler;
    private ShadowLooper looper;

    @Before
    public void setUp() {
        context = RuntimeEnvironment.getApplication();
        connectivity = context.getSystemService(ConnectivityManager.class);
        network = shadowOf(connectivity);
        worker = new SyncWorker(context, () -> {
            runs.incrementAndGet();
            WelkomException next = failures.poll();
            if (next != null) {
                throw next;
            }
            return true;
        });
        Handler handler = new Handler(Looper.getMainLooper());
        scheduler = new SyncScheduler(context, worker, handler);
        looper = shadowOf(Looper.getMainLooper());
        connected(true);
    }

    private void connected(boolean on) {
        network.setDefaultNetworkActive(on);
        Network active = connectivity.getActiveNetwork();
        if (active != null) {
            NetworkCapabilities capabilities = ShadowNetworkCapabilities.newInstance();
            shadowOf(capabilities).addCapability(NetworkCapabilities.NET_CAPABILITY_INTERNET);
            network.setNetworkCapabilities(active, capabilities);
        }
    }

    private void after(Duration time) {
        looper.idleFor(time);
    }

    @Test
    public void aConnectedPhoneSyncsAtStartAndThenEveryFifteenMinutes() {
        scheduler.start();
        looper.idle();
        assertEquals(1, runs.get());
        after(Duration.ofMinutes(14));
        assertEquals("nothing before the period", 1, runs.get());
        after(Duration.ofMinutes(1));
        assertEquals(2, runs.get());
        after(Duration.ofMinutes(45));
        assertEquals(5, runs.get());
    }

    @Test
    public void aFailedSyncIsTriedAgainAfter30SecondsThenOneTwoMinutesAndTheNormalPeriodOnceItWorks() {
        failures.add(Failures.offline());
        failures.add(Failures.status(503));
        failures.add(Failures.offline());
        scheduler.start();
        looper.idle();
        assertEquals(1, runs.get());
        after(Duration.ofSeconds(29));
        assertEquals(1, runs.get());
        after(Duration.ofSeconds(1));
        assertEquals("30 s after the first failure", 2, runs.get());
        after(Duration.ofSeconds(60));
        assertEquals("60 s after the second", 3, runs.get());
        assertEquals(2 * 60_000L, worker.nextDelayMillis());
        after(Duration.ofMinutes(2));
        assertEquals("the fourth run works", 4, runs.get());
        assertEquals(0, worker.failures());
        after(Duration.ofMinutes(14));
        assertEquals(4, runs.get());
        after(Duration.ofMinutes(1));
        assertEquals(5, runs.get());
    }

    @Test
    public void theBackOffDoublesUpToFiveHours() {
        assertEquals(30_000L, SyncWorker.backoffMillis(1));
        assertEquals(60_000L, SyncWorker.backoffMillis(2));
        assertEquals(16 * 30_000L, SyncWorker.backoffMillis(5));
        assertEquals(5L * 60 * 60 * 1000, SyncWorker.backoffMillis(20));
        assertEquals(5L * 60 * 60 * 1000, SyncWorker.backoffMillis(Integer.MAX_VALUE));
    }

    @Test
    public void withoutANetworkNothingRunsAndNoTimerIsSetUntilTheDefaultNetworkComesBack() {
        connected(false);
        scheduler.start();
        looper.idle();
        assertEquals(0, runs.get());
        assertEquals(SyncWorker.Outcome.NOT_CONNECTED, worker.runOnce());
        after(Duration.ofHours(6));
        assertEquals("no timer fires while offline", 0, runs.get());

        connected(true);
        for (ConnectivityManager.NetworkCallback callback : network.getNetworkCallbacks()) {
            callback.onAvailable(connectivity.getActiveNetwork());
        }
        looper.idle();
        assertEquals("synced as soon as the network came back", 1, runs.get());
        after(Duration.ofMinutes(15));
        assertEquals(2, runs.get());
    }

    @Test
    public void aPhoneWhoseTokenIsRefusedStopsSyncingUntilTheReaderActs() {
        failures.add(Failures.status(401));
        scheduler.start();
        looper.idle();
        assertEquals(1, runs.get());
        assertEquals(-1L, worker.nextDelayMillis());
        after(Duration.ofDays(1));
        assertEquals("no retry can help a refused token", 1, runs.get());
    }

    @Test
    public void aPhoneThatIsNotActivatedIsNotSyncedOverAndOver() {
        SyncWorker notActivated = new SyncWorker(context, () -> {
            runs.incrementAndGet();
            return false;
        });
        assertEquals(SyncWorker.Outcome.NEEDS_READER, notActivated.runOnce());
        assertEquals(-1L, notActivated.nextDelayMillis());
    }

    @Test
    public void aSecondRunWhileOneIsBusyDoesNotSyncAgain() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncWorker slow = new SyncWorker(context, () -> {
            runs.incrementAndGet();
            inside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        });
        AtomicReference<SyncWorker.Outcome> first = new AtomicReference<>();
        Thread background = new Thread(() -> first.set(slow.runOnce()));
        background.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));

        assertEquals(SyncWorker.Outcome.ALREADY_RUNNING, slow.runOnce());

        release.countDown();
        background.join(5000);
        assertEquals(SyncWorker.Outcome.SYNCED, first.get());
        assertEquals("one sync at a time", 1, runs.get());
    }

    @Test
    public void anEditAsksForASyncAtOnceAndStopEndsTheTimer() {
        scheduler.start();
        looper.idle();
        after(Duration.ofMinutes(5));
        scheduler.syncSoon();
        looper.idle();
        assertEquals(2, runs.get());
        after(Duration.ofMinutes(15));
        assertEquals("the period counts from the last sync", 3, runs.get());
        scheduler.stop();
        looper.idle();
        after(Duration.ofHours(2));
        assertEquals(3, runs.get());
        assertTrue("the network callback is gone", network.getNetworkCallbacks().isEmpty());
    }
}
