package nl.welkom.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * For test contexts that set {@value #TODAY}: the server's one clock stands still at noon, Amsterdam
 * time, on that day, so that "housed", "late" and "behind" are checked against a known today. Other
 * test contexts keep the real clock.
 */
@Factory
@Requires(property = FixedClockFactory.TODAY)
public final class FixedClockFactory {
    /** The ISO date the clock shows. */
    public static final String TODAY = "housing-test.today";

    @Singleton
    @Replaces(Clock.class)
    Clock fixedClock(@Value("${" + TODAY + "}") String today) {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        return Clock.fixed(LocalDate.parse(today).atTime(LocalTime.NOON).atZone(amsterdam).toInstant(), amsterdam);
    }
}
