package nl.welkom.auth;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The subscription of {@link BearerTokenFetcher}'s publisher: on the first request it runs the token
 * check on the blocking executor and emits the caller (or nothing) from that same thread, so what
 * follows the check runs there too — never on the event loop, whatever the timing.
 */
final class CheckOnBlockingThread implements Subscription {
    private final Subscriber<? super Authentication> subscriber;
    private final Supplier<Authentication> check;
    private final Executor blocking;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelled;

    CheckOnBlockingThread(Subscriber<? super Authentication> subscriber, Supplier<Authentication> check, Executor blocking) {
        this.subscriber = subscriber;
        this.check = check;
        this.blocking = blocking;
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            cancelled = true;
            subscriber.onError(new IllegalArgumentException("Reactive Streams rule 3.9: request a positive number"));
            return;
        }
        if (started.compareAndSet(false, true)) {
            blocking.execute(this::run);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    private void run() {
        Authentication authentication;
        try {
            authentication = check.get();
        } catch (RuntimeException e) {
            if (!cancelled) {
                subscriber.onError(e);
            }
            return;
        }
        if (authentication != null && !cancelled) {
            subscriber.onNext(authentication);
        }
        if (!cancelled) {
            subscriber.onComplete();
        }
    }
}
