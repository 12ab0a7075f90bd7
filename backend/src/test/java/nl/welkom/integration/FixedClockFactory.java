package nl.welkom.integration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * For tests that need a known today: with {@code welkom.test.today=2026-06-15} every component reads
 * a clock that stands still at noon of that day in Amsterdam, instead of the system clock.
 */
@Factory
@Requires(property = FixedClockFactory.TODAY)
public final class FixedClockFactory {
    public static final String TODAY = "welkom.test.today";

    @Singleton
    @Replaces(Clock.class)
    Clock fixedClock(@Value("${" + TODAY + "}") String today) {
        return Clock.fixed(LocalDate.parse(today).atTime(12, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant(),
                ZoneOffset.UTC);
    }
}
