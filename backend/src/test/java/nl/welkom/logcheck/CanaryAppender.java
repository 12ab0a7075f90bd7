package nl.welkom.logcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Sees every log event of the test JVM (logback-test.xml) and keeps those that carry a
 * {@link Canaries#people() canary}; {@link SuiteLogCanaryTest} reads the tally at the end of the run.
 */
public final class CanaryAppender extends AppenderBase<ILoggingEvent> {
    private static final AtomicLong EVENTS = new AtomicLong();
    private static final List<String> HITS = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        EVENTS.incrementAndGet();
        List<String> hits = Canaries.hits(event, Canaries.people());
        if (!hits.isEmpty()) {
            synchronized (HITS) {
                HITS.addAll(hits);
            }
        }
    }

    /** How many events were checked so far in this JVM. */
    static long events() {
        return EVENTS.get();
    }

    /** The hits so far in this JVM. */
    static List<String> hits() {
        synchronized (HITS) {
            return List.copyOf(HITS);
        }
    }
}
