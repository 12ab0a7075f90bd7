package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The token checks that wait while one runs share the next statement (issue 14); each still gets
 * its own answer, read after it was asked. The runner here stands in for the statement: it answers
 * each key with the key twice over.
 */
class CombinedChecksTest {

    /** A lookup of a number; its answer is filled in by the runner. */
    private static final class Number extends CombinedChecks.Lookup {
        final int key;
        Integer answer;

        Number(int key) {
            this.key = key;
        }
    }

    private static void twice(List<Number> batch) {
        for (Number number : batch) {
            number.answer = number.key * 2;
        }
    }

    @Test
    void aCheckWithNothingElseWaitingRunsAloneOnItsOwnThread() {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CombinedChecks<Number> checks = new CombinedChecks<>(32, batch -> {
            batches.add(batch.stream().map(number -> number.key).toList());
            twice(batch);
        });

        Number seven = new Number(7);
        checks.answer(seven);

        assertEquals(14, seven.answer);
        assertEquals(List.of(List.of(7)), batches);
    }

    @Test
    void checksThatArriveWhileAStatementRunsShareTheNextOneAndEachGetsItsOwnAnswer() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CombinedChecks<Number> checks = new CombinedChecks<>(32, batch -> {
            batches.add(batch.stream().map(number -> number.key).toList());
            if (batches.size() == 1) {
                firstStarted.countDown();
                Latches.await(releaseFirst, 10);
            }
            twice(batch);
        });
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<Integer> first = threads.submit(() -> answer(checks, 1));
            assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
            List<Future<Integer>> waiting = new ArrayList<>();
            for (int key = 2; key <= 5; key++) {
                int asked = key;
                waiting.add(threads.submit(() -> answer(checks, asked)));
            }
            waitUntilQueued(checks, 4);
            releaseFirst.countDown();

            assertEquals(2, first.get(10, TimeUnit.SECONDS));
            for (int i = 0; i < waiting.size(); i++) {
                assertEquals((i + 2) * 2, waiting.get(i).get(10, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, batches.size(), "one statement for the first, one for the four that waited: " + batches);
        assertEquals(List.of(1), batches.get(0));
        assertEquals(List.of(2, 3, 4, 5), batches.get(1).stream().sorted().toList());
    }

    @Test
    void manyThreadsAtOnceEachGetTheirOwnAnswerAndStatementsNeverOverlap() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger largest = new AtomicInteger();
        CombinedChecks<Number> checks = new CombinedChecks<>(4, batch -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            largest.accumulateAndGet(batch.size(), Math::max);
            Thread.onSpinWait();
            twice(batch);
            running.decrementAndGet();
        });
        int threadCount = 16;
        int perThread = 2_000;
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        List<Future<Integer>> wrong = new ArrayList<>();
        try {
            for (int t = 0; t < threadCount; t++) {
                int base = t * perThread;
                wrong.add(threads.submit(() -> {
                    int mistakes = 0;
                    for (int i = 0; i < perThread; i++) {
                        if (answer(checks, base + i) != (base + i) * 2) {
                            mistakes++;
                        }
                    }
                    return mistakes;
                }));
            }
            for (Future<Integer> thread : wrong) {
                assertEquals(0, thread.get(60, TimeUnit.SECONDS), "a check got another's answer");
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, overlaps.get(), "two statements of one kind ran at once");
        assertTrue(largest.get() <= 4, "a statement carries at most its batch size: " + largest.get());
    }

    @Test
    void aFailedStatementFailsEveryCheckItCarriedAndTheNextOneRunsAgain() {
        AtomicInteger calls = new AtomicInteger();
        CombinedChecks<Number> checks = new CombinedChecks<>(32, batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database unavailable");
            }
            twice(batch);
        });

        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> checks.answer(new Number(1)));
        assertEquals("database unavailable", failed.getMessage());

        Number next = new Number(3);
        checks.answer(next);
        assertEquals(6, next.answer);
    }

    private static int answer(CombinedChecks<Number> checks, int key) {
        Number number = new Number(key);
        checks.answer(number);
        return number.answer;
    }


    /** Waits until {@code count} checks wait in the queue (the test's threads have reached it). */
    private static void waitUntilQueued(CombinedChecks<?> checks, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (checks.queued() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, checks.queued());
    }
}
