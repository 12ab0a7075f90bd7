package nl.welkom.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import nl.welkom.model.auth.ActivationCode;

/**
 * Where a new activation code waits, in memory only, for the page that shows it (post-redirect-get):
 * the POST that makes the code keeps it here under a random ticket and redirects to
 * {@code .../activation-codes/<ticket>}; that page shows it to the same officer for
 * {@link #SHOWN_FOR}, reloads included, and never makes another. The ticket is not the code and
 * says nothing about it; the plain code is never written to the database, a log or a URL. After a
 * restart, or on another server instance, the page says the code can no longer be shown.
 */
@Singleton
final class CodeTickets {
    /** How long a new code can be shown again (a reload, the print preview). */
    static final Duration SHOWN_FOR = Duration.ofMinutes(10);
    /** More waiting codes than any municipality makes in ten minutes: beyond it the oldest go first. */
    private static final int MAX_WAITING = 10_000;

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    CodeTickets(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code code} for {@code userId} and returns the ticket that finds it. */
    String keep(String userId, ActivationCode code) {
        long now = clock.millis();
        forgetExpired(now);
        if (waiting.size() >= MAX_WAITING) {
            waiting.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> Long.compare(a.until(), b.until())))
                    .ifPresent(oldest -> waiting.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        waiting.put(ticket, new Waiting(userId, code, now + SHOWN_FOR.toMillis()));
        return ticket;
    }

    /** The code behind {@code ticket} when it is {@code userId}'s, for {@code householdId}, and still shown. */
    Optional<ActivationCode> find(String ticket, String userId, String householdId) {
        long now = clock.millis();
        forgetExpired(now);
        Waiting found = waiting.get(ticket);
        if (found == null || !found.userId().equals(userId) || !found.code().householdId().equals(householdId)) {
            return Optional.empty();
        }
        return Optional.of(found.code());
    }

    private void forgetExpired(long now) {
        waiting.values().removeIf(entry -> entry.until() <= now);
    }

    private record Waiting(String userId, ActivationCode code, long until) {
    }
}
