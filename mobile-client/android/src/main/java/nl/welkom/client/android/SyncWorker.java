package nl.welkom.client.android;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import android.content.Context;
import android.net.ConnectivityManager;
import android.net.Network;
import android.net.NetworkCapabilities;

import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomApiException;
import nl.welkom.client.WelkomException;
import nl.welkom.client.WelkomOfflineException;

/**
 * One sync as an Android app runs it in the background — the WorkManager pattern without
 * depending on WorkManager: it runs only when the phone is connected, one at a time, and tells the
 * caller when to try again ({@link #nextDelayMillis()}: the period after a good sync, an exponential
 * back-off after a failed one). {@link SyncScheduler} drives it on a background {@code Handler};
 * an app that uses WorkManager or JobScheduler calls {@link #runOnce()} from its own job and maps
 * {@link Outcome#RETRY} to its "retry" result.
 *
 * <p>Call {@link #runOnce()} off the main thread: it does network I/O and writes the store.
 */
public final class SyncWorker {

    /** WorkManager's default initial back-off. */
    public static final long INITIAL_BACKOFF_MILLIS = 30_000L;
    /** WorkManager's largest back-off. */
    public static final long MAX_BACKOFF_MILLIS = 5L * 60 * 60 * 1000;
    /** WorkManager's shortest period for periodic work: a sync every 15 minutes while all goes well. */
    public static final long PERIOD_MILLIS = 15L * 60 * 1000;

    /** What one run did, and so what comes next. */
    public enum Outcome {
        /** Synced; the next run in {@link #PERIOD_MILLIS}. */
        SYNCED,
        /** Not run: no connected network. Run again when a network comes (no timer needed). */
        NOT_CONNECTED,
        /** Not run: another sync of this worker is still busy. */
        ALREADY_RUNNING,
        /** Failed for a reason that passes (offline, server trouble); run again after the back-off. */
        RETRY,
        /**
         * Stopped until the reader acts: the phone is not activated, its token was refused or the
         * device was revoked (the library then already wiped the store). Retrying cannot help.
         */
        NEEDS_READER
    }

    /** The sync itself; {@link #of(Welkom)} adapts the library. */
    public interface SyncTask {
        /**
         * Syncs once.
         *
         * @return false when there is nothing to sync with: the phone is not activated or signed in
         */
        boolean sync() throws WelkomException;
    }

    private final ConnectivityManager connectivity;
    private final SyncTask task;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile int failures;
    private volatile Outcome last;

    /**
     * @param context any context; only its {@link ConnectivityManager} is used
     * @param task    the sync, usually {@link #of(Welkom)}
     */
    public SyncWorker(Context context, SyncTask task) {
        this.connectivity = Objects.requireNonNull(
                Objects.requireNonNull(context, "context").getSystemService(ConnectivityManager.class),
                "ConnectivityManager");
        this.task = Objects.requireNonNull(task, "task");
    }

    /** The library's sync: nothing to do (NEEDS_READER) until the phone is activated or signed in. */
    public static SyncTask of(Welkom welkom) {
        Objects.requireNonNull(welkom, "welkom");
        return () -> {
            if (!welkom.session().isPresent()) {
                return false;
            }
            welkom.sync(SyncListener.NONE);
            return true;
        };
    }

    /** True when the phone has a network that can reach the internet (the "connected" constraint). */
    public boolean isConnected() {
        Network network = connectivity.getActiveNetwork();
        if (network == null) {
            return false;
        }
        NetworkCapabilities capabilities = connectivity.getNetworkCapabilities(network);
        return capabilities != null && capabilities.hasCapability(NetworkCapabilities.NET_CAPABILITY_INTERNET);
    }

    /** Runs one sync if connected and no other is busy; never throws for a failed sync. Blocking. */
    public Outcome runOnce() {
        if (!isConnected()) {
            return record(Outcome.NOT_CONNECTED);
        }
        if (!running.compareAndSet(false, true)) {
            return Outcome.ALREADY_RUNNING;
        }
        try {
            if (!task.sync()) {
                failures = 0;
                return record(Outcome.NEEDS_READER);
            }
            failures = 0;
            return record(Outcome.SYNCED);
        } catch (WelkomOfflineException e) {
            failures++;
            return record(Outcome.RETRY);
        } catch (WelkomApiException e) {
            if (e.isUnauthorized()) {
                failures = 0;
                return record(Outcome.NEEDS_READER);
            }
            failures++;
            return record(Outcome.RETRY);
        } catch (WelkomException e) {
            failures++;
            return record(Outcome.RETRY);
        } catch (IllegalStateException e) {
            // The app ran a sync of its own meanwhile (the library runs one at a time), or signed out
            // just now: the next run tells which.
            return record(Outcome.ALREADY_RUNNING);
        } finally {
            running.set(false);
        }
    }

    private Outcome record(Outcome outcome) {
        last = outcome;
        return outcome;
    }

    /** Failed runs in a row (offline, server trouble); 0 after a good sync. */
    public int failures() {
        return failures;
    }

    /**
     * When to run next after the last run, in milliseconds: {@link #PERIOD_MILLIS} after a sync,
     * {@code 30 s × 2^(failures − 1)} (at most {@link #MAX_BACKOFF_MILLIS}) after a failure, and −1
     * when no timer should be set: not connected (wait for a network), or the reader must act.
     */
    public long nextDelayMillis() {
        Outcome outcome = last;
        if (outcome == null || outcome == Outcome.SYNCED || outcome == Outcome.ALREADY_RUNNING) {
            return PERIOD_MILLIS;
        }
        if (outcome == Outcome.RETRY) {
            return backoffMillis(failures);
        }
        return -1;
    }

    /** The exponential back-off after {@code failures} failed runs in a row (1 after the first). */
    public static long backoffMillis(int failures) {
        long delay = INITIAL_BACKOFF_MILLIS;
        for (int i = 1; i < failures && delay < MAX_BACKOFF_MILLIS; i++) {
            delay *= 2;
        }
        return Math.min(delay, MAX_BACKOFF_MILLIS);
    }
}
