package nl.welkom.client.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomException;
import nl.welkom.client.WelkomOfflineException;

/**
 * A sync that looks after itself while the companion runs: after a sync fails for want of a
 * network, it tries again in the background on a {@link RetrySchedule}, quietly — the reader goes
 * on reading; the home screen shows the outcome ("Last sync …") or that it is still trying. Any
 * answer other than "offline" (a revoked phone, an expired session) stops it: those need the
 * reader. Scheduling belongs to the app, not the library (on Android: WorkManager).
 */
final class AutoSync implements AutoCloseable {

    private final Welkom welkom;
    private final RetrySchedule schedule;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> pending;
    private int failures;
    private long firstFailure;

    AutoSync(Welkom welkom, RetrySchedule schedule) {
        this.welkom = welkom;
        this.schedule = schedule;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "welkom-auto-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** A sync just failed offline: start (or keep) trying again in the background. */
    synchronized void offline() {
        if (pending != null && !pending.isDone()) {
            return;
        }
        if (failures == 0) {
            firstFailure = System.currentTimeMillis();
        }
        failures++;
        scheduleNext();
    }

    /** A sync succeeded (by hand or by itself), or needs the reader: no more background tries. */
    synchronized void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        failures = 0;
    }

    /** How many tries in a row have failed; 0 when none is pending. */
    synchronized int failures() {
        return pending != null && !pending.isDone() ? failures : 0;
    }

    private void scheduleNext() {
        long delay = schedule.delayAfter(failures, System.currentTimeMillis() - firstFailure);
        if (delay < 0) {
            pending = null;
            failures = 0;
            return;
        }
        pending = executor.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
    }

    private void attempt() {
        try {
            welkom.sync(SyncListener.NONE);
            synchronized (this) {
                pending = null;
                failures = 0;
            }
        } catch (WelkomOfflineException e) {
            synchronized (this) {
                failures++;
                scheduleNext();
            }
        } catch (IllegalStateException e) {
            synchronized (this) {
                if (welkom.session().isPresent()) {
                    scheduleNext(); // a sync by hand is running: try again later
                } else {
                    pending = null; // signed out or never connected: nothing to sync
                    failures = 0;
                }
            }
        } catch (WelkomException | RuntimeException e) {
            synchronized (this) {
                pending = null;
                failures = 0;
            }
        }
    }

    /** Stops the background thread; a try in progress is allowed a moment to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
