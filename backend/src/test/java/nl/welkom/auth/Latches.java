package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting on a latch inside code that may not throw checked exceptions (a runner, a supplier). */
final class Latches {
    private Latches() {
    }

    /** Waits up to {@code seconds} for {@code latch}; fails the test when it does not open. */
    static void await(CountDownLatch latch, int seconds) {
        try {
            assertTrue(latch.await(seconds, TimeUnit.SECONDS), "the latch did not open within " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
