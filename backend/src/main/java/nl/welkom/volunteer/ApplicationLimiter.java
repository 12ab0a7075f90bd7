package nl.welkom.volunteer;

import java.time.Duration;
import java.util.OptionalLong;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.welkom.abuse.ClientAddress;
import nl.welkom.abuse.Throttle;

/**
 * At most {@code welkom.programme.applications-per-hour} applications per client address per hour,
 * counting every attempt, refused or not. Counted by the shared {@link Throttle} (in the database, so
 * every server instance counts together; fixed one-hour windows), with the client address of
 * {@link ClientAddress} (a proxy's {@code X-Forwarded-For} only when configured, docs/abuse.md).
 */
@Singleton
final class ApplicationLimiter {
    private static final String KIND = "application";

    private final Throttle throttle;
    private final ClientAddress address;
    private final Throttle.Limit limit;

    ApplicationLimiter(ProgrammeProperties properties, Throttle throttle, ClientAddress address) {
        this.throttle = throttle;
        this.address = address;
        this.limit = new Throttle.Limit(KIND, properties.applicationsPerHour(), Duration.ofHours(1));
    }

    /** Counts an attempt from the request's client; empty when allowed, else the seconds until the next one is. */
    OptionalLong attempt(HttpRequest<?> request) {
        return throttle.attempt(limit, address.of(request));
    }

    /** Forgets every count (tests). */
    void clear() {
        throttle.clear(KIND);
    }
}
