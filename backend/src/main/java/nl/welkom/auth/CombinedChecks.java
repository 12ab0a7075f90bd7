package nl.welkom.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lookups of one kind combined into one statement while the database is busy (issue 14: on
 * PostgreSQL a statement's fixed cost — the round trip, waking the server process, its snapshot —
 * was most of an up-to-date pull's database time, and every request of every phone checks its token).
 *
 * <p>A thread adds its lookup to the queue and, if no statement of this kind is running, runs one for
 * everything queued, its own included; otherwise it waits, and the running thread or the next one
 * answers it. A lookup is never answered by a statement that started before it was queued, so what
 * it reads is at least as new as the request: a revocation committed on any instance counts at once.
 * With nothing else waiting, a lookup runs alone, as it would without this class.
 *
 * @param <T> a lookup, which the runner answers
 */
final class CombinedChecks<T extends CombinedChecks.Lookup> {
    /** One queued lookup: {@link Runner#run} fills in its answer. */
    abstract static class Lookup {
        private final Thread owner = Thread.currentThread();
        private volatile boolean done;
        private RuntimeException failure;
    }

    /** Answers a batch of lookups in one statement; the lookups it finds nothing for keep no answer. */
    @FunctionalInterface
    interface Runner<T> {
        void run(List<T> batch);
    }

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock running = new ReentrantLock();
    private final int maxBatch;
    private final Runner<T> runner;

    CombinedChecks(int maxBatch, Runner<T> runner) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be 1 or more");
        }
        this.maxBatch = maxBatch;
        this.runner = runner;
    }

    /**
     * Answers {@code lookup}, alone or with others, on this thread or another; returns when it is
     * answered. A failure of its statement is thrown here, in every thread whose lookup it carried.
     */
    void answer(T queued) {
        queue.add(queued);
        Lookup lookup = queued;
        boolean interrupted = false;
        while (!lookup.done) {
            if (running.tryLock()) {
                try {
                    if (!lookup.done) {
                        runOneBatch();
                    }
                } finally {
                    running.unlock();
                }
                // Whoever unlocks wakes the oldest waiter: it was queued before the unlock (or it would
                // have taken the lock itself), and runs the next statement unless answered meanwhile.
                Lookup next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.owner);
                }
            } else {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (lookup.failure != null) {
            throw lookup.failure;
        }
    }

    /** How many lookups wait for a statement (for tests). */
    int queued() {
        return queue.size();
    }

    private void runOneBatch() {
        List<T> batch = new ArrayList<>(Math.min(maxBatch, 8));
        for (T next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        RuntimeException failure = null;
        try {
            runner.run(batch);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            // Nobody may wait for ever: every lookup of the batch learns that its statement failed.
            failure = new IllegalStateException("The token check failed", e);
        }
        Thread self = Thread.currentThread();
        for (Lookup answered : batch) {
            answered.failure = failure;
            answered.done = true;
            if (answered.owner != self) {
                LockSupport.unpark(answered.owner);
            }
        }
    }
}
