package nl.welkom.volunteer;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * At most {@code welkom.programme.applications-per-hour} applications per client address in any
 * hour (sliding window), counting every attempt, refused or not. In memory: a restart forgets, and
 * each server instance counts alone (issue 14 moves such state out of memory).
 */
@Singleton
final class ApplicationLimiter {
    private static final long HOUR = 3_600_000L;
    private static final int MAX_SOURCES = 100_000;

    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();
    private final ProgrammeProperties properties;
    private final Clock clock;

    ApplicationLimiter(ProgrammeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts an attempt from {@code source}; empty when allowed, else the seconds until the next one is. */
    OptionalLong attempt(String source) {
        long now = clock.millis();
        if (attempts.size() > MAX_SOURCES) {
            attempts.values().removeIf(times -> times.isEmpty() || times.peekLast() <= now - HOUR);
        }
        Deque<Long> times = attempts.computeIfAbsent(source, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - HOUR) {
                times.pollFirst();
            }
            if (times.size() >= properties.applicationsPerHour()) {
                return OptionalLong.of(Math.max(1, (times.peekFirst() + HOUR - now + 999) / 1000));
            }
            times.addLast(now);
            return OptionalLong.empty();
        }
    }

    /** Forgets every count (tests). */
    void clear() {
        attempts.clear();
    }
}
