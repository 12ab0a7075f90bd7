package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The token check emits its caller from the blocking thread that looked the token up (issue 14):
 * the security filter and a phone's pull then go on on that thread, without a second hand-over and
 * never on the event loop.
 */
class CheckOnBlockingThreadTest {
    private static final ExecutorService BLOCKING = Executors.newSingleThreadExecutor(task -> new Thread(task, "blocking"));
    private static final Authentication PHONE = Authentication.build("device-1", List.of("NEWCOMER"));

    @AfterAll
    static void stop() {
        BLOCKING.shutdownNow();
    }

    @Test
    void theCallerIsEmittedOnTheThreadThatCheckedTheToken() throws Exception {
        Recorder recorder = subscribe(() -> PHONE);
        recorder.subscription.request(1);

        assertTrue(recorder.done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(PHONE), recorder.items);
        assertEquals("blocking", recorder.checkedOn);
        assertEquals("blocking", recorder.emittedOn, "the caller comes from the checking thread, not the subscriber's");
        assertTrue(recorder.completed);
    }

    @Test
    void anUnknownTokenCompletesWithoutACaller() throws Exception {
        Recorder recorder = subscribe(() -> null);
        recorder.subscription.request(1);

        assertTrue(recorder.done.await(5, TimeUnit.SECONDS));
        assertTrue(recorder.items.isEmpty());
        assertTrue(recorder.completed);
        assertNull(recorder.error);
    }

    @Test
    void aFailingCheckIsPassedOnAsAnError() throws Exception {
        Recorder recorder = subscribe(() -> {
            throw new IllegalStateException("database gone");
        });
        recorder.subscription.request(1);

        assertTrue(recorder.done.await(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, recorder.error);
        assertFalse(recorder.completed);
    }

    @Test
    void theTokenIsCheckedOnceHoweverOftenMoreIsRequested() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        Recorder recorder = subscribe(() -> {
            checks.incrementAndGet();
            return PHONE;
        });
        recorder.subscription.request(1);
        recorder.subscription.request(Long.MAX_VALUE);

        assertTrue(recorder.done.await(5, TimeUnit.SECONDS));
        BLOCKING.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertEquals(1, checks.get());
        assertEquals(List.of(PHONE), recorder.items);
    }

    @Test
    void nothingIsCheckedBeforeTheFirstRequestOrEmittedAfterACancel() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch hold = new CountDownLatch(1);
        Recorder recorder = subscribe(() -> {
            checks.incrementAndGet();
            Latches.await(hold, 5);
            return PHONE;
        });
        BLOCKING.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertEquals(0, checks.get(), "subscribing alone checks nothing");

        recorder.subscription.request(1);
        recorder.subscription.cancel();
        hold.countDown();
        BLOCKING.submit(() -> { }).get(5, TimeUnit.SECONDS);

        assertEquals(1, checks.get());
        assertTrue(recorder.items.isEmpty(), "a cancelled subscriber gets no caller");
        assertFalse(recorder.completed);
    }

    @Test
    void aRequestForNothingIsAnError() {
        Recorder recorder = subscribe(() -> PHONE);
        recorder.subscription.request(0);

        assertInstanceOf(IllegalArgumentException.class, recorder.error);
        assertTrue(recorder.items.isEmpty());
    }

    private static Recorder subscribe(Supplier<Authentication> check) {
        Recorder recorder = new Recorder();
        Supplier<Authentication> noted = () -> {
            recorder.checkedOn = Thread.currentThread().getName();
            return check.get();
        };
        recorder.onSubscribe(new CheckOnBlockingThread(recorder, noted, BLOCKING));
        return recorder;
    }


    private static final class Recorder implements Subscriber<Authentication> {
        final List<Authentication> items = new ArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);
        volatile Subscription subscription;
        volatile String checkedOn;
        volatile String emittedOn;
        volatile boolean completed;
        volatile Throwable error;

        @Override
        public void onSubscribe(Subscription s) {
            assertNull(subscription);
            subscription = s;
        }

        @Override
        public void onNext(Authentication item) {
            emittedOn = Thread.currentThread().getName();
            items.add(item);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
            done.countDown();
        }

        @Override
        public void onComplete() {
            completed = true;
            done.countDown();
        }
    }
}
