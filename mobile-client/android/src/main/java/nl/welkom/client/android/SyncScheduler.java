package nl.welkom.client.android;

import java.util.Objects;

import android.content.Context;
import android.net.ConnectivityManager;
import android.net.Network;
import android.os.Handler;

/**
 * Keeps a {@link SyncWorker} going while the app runs: a sync at {@link #start()}, then every
 * {@link SyncWorker#PERIOD_MILLIS}; after a failure the worker's exponential back-off; when there is
 * no network, no timer at all until the default network comes back ({@code ConnectivityManager}'s
 * default-network callback), then at once. Everything — the runs included — happens on the given
 * {@link Handler}'s thread, so runs never overlap: give it a background thread's handler
 * ({@code HandlerThread}), never the main thread's.
 *
 * <p>For syncs while the app is closed, schedule the same worker from a periodic WorkManager or
 * JobScheduler job with a "connected" constraint and exponential back-off (README).
 */
public final class SyncScheduler {

    private final SyncWorker worker;
    private final Handler handler;
    private final ConnectivityManager connectivity;
    private final Runnable tick = this::tick;
    private final ConnectivityManager.NetworkCallback networkBack = new ConnectivityManager.NetworkCallback() {
        @Override
        public void onAvailable(Network network) {
            handler.post(SyncScheduler.this::networkAvailable);
        }
    };
    private boolean started;
    private boolean waitingForNetwork;

    public SyncScheduler(Context context, SyncWorker worker, Handler handler) {
        this.connectivity = Objects.requireNonNull(
                Objects.requireNonNull(context, "context").getSystemService(ConnectivityManager.class),
                "ConnectivityManager");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Starts: a sync now (on the handler's thread), then as described above. Idempotent. */
    public void start() {
        handler.post(() -> {
            if (!started) {
                started = true;
                connectivity.registerDefaultNetworkCallback(networkBack, handler);
                handler.post(tick);
            }
        });
    }

    /** After an edit: sync now instead of waiting for the timer (still only when connected). */
    public void syncSoon() {
        handler.post(() -> {
            if (started) {
                handler.removeCallbacks(tick);
                handler.post(tick);
            }
        });
    }

    /** Stops the timer and the network callback; a run already busy finishes. */
    public void stop() {
        handler.post(() -> {
            if (started) {
                started = false;
                waitingForNetwork = false;
                handler.removeCallbacks(tick);
                connectivity.unregisterNetworkCallback(networkBack);
            }
        });
    }

    private void networkAvailable() {
        if (started && waitingForNetwork) {
            waitingForNetwork = false;
            handler.removeCallbacks(tick);
            handler.post(tick);
        }
    }

    private void tick() {
        if (!started) {
            return;
        }
        SyncWorker.Outcome outcome = worker.runOnce();
        waitingForNetwork = outcome == SyncWorker.Outcome.NOT_CONNECTED;
        long delay = worker.nextDelayMillis();
        if (delay >= 0) {
            handler.postDelayed(tick, delay);
        }
    }
}
