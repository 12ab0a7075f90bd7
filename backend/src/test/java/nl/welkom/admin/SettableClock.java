package nl.welkom.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * A clock that stands still until a test moves it: replaces the server's clock in contexts that set
 * {@value #PROPERTY}, so that expiry is tested without waiting.
 */
final class SettableClock extends Clock {
    static final String PROPERTY = "welkom.test.settable-clock";

    private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Factory
    @Requires(property = PROPERTY, value = "true")
    static final class SettableClockFactory {
        @Singleton
        @Replaces(Clock.class)
        SettableClock clock() {
            return new SettableClock();
        }
    }
}
