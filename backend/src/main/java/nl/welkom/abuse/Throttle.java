package nl.welkom.abuse;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.auth.SecretHasher;

/**
 * Counts failures (or attempts) per key in fixed windows, in the database so that every server
 * instance sees the same counts (table {@code throttle}, V21). A key is a kind and a subject (an
 * address, an account and an address); only a keyed hash of the subject is stored. Increments are
 * single SQL updates, so concurrent requests on several instances do not lose counts.
 */
@Singleton
public class Throttle {
    private static final long PRUNE_AFTER = Duration.ofDays(1).toMillis();
    private static final int PRUNE_EVERY = 200;

    private final ThrottleRepository entries;
    private final SecretHasher hasher;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final AtomicInteger writes = new AtomicInteger();

    Throttle(ThrottleRepository entries, SecretHasher hasher, TransactionOperations<Connection> transactions,
             Clock clock) {
        this.entries = entries;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A limit: at most {@code max} counted events per {@code window} for one subject of this kind.
     *
     * @param kind a short name, also the prefix of the stored keys ({@code login-pair})
     */
    public record Limit(String kind, int max, Duration window) {
    }

    /** Empty when {@code subject} may try again now, else the seconds until it may. Counts nothing. */
    public OptionalLong blocked(Limit limit, String subject) {
        long now = clock.millis();
        Optional<ThrottleEntry> entry = entries.find(key(limit, subject));
        if (entry.isEmpty()) {
            return OptionalLong.empty();
        }
        long windowEnds = entry.get().windowStart() + limit.window().toMillis();
        if (windowEnds <= now || entry.get().failures() < limit.max()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (windowEnds - now + 999) / 1000));
    }

    /** Counts one failure (or attempt) of {@code subject}. */
    public void fail(Limit limit, String subject) {
        String key = key(limit, subject);
        long now = clock.millis();
        long after = now - limit.window().toMillis();
        try {
            count(key, now, after);
        } catch (DataAccessException raced) {
            // Another request inserted the same key at the same moment: its row exists now.
            count(key, now, after);
        }
        if (writes.incrementAndGet() % PRUNE_EVERY == 0) {
            transactions.executeWrite(status -> entries.prune(now - PRUNE_AFTER));
        }
    }

    /** Refuses (seconds until allowed) when the limit is reached, else counts this attempt: for limits on every attempt. */
    public OptionalLong attempt(Limit limit, String subject) {
        OptionalLong blocked = blocked(limit, subject);
        if (blocked.isEmpty()) {
            fail(limit, subject);
        }
        return blocked;
    }

    /** Forgets the count of {@code subject} (a successful login clears its account-and-address count). */
    public void forget(Limit limit, String subject) {
        transactions.executeWrite(status -> entries.forget(key(limit, subject)));
    }

    /** Forgets every count of this kind (tests, or an operator after an incident). */
    public void clear(String kind) {
        transactions.executeWrite(status -> entries.forgetAll(kind + ":%"));
    }

    private void count(String key, long now, long after) {
        transactions.executeWrite(status -> {
            if (entries.increment(key, after) == 0 && entries.restart(key, now) == 0) {
                entries.save(new ThrottleEntry(key, now, 1));
            }
            return null;
        });
    }

    private String key(Limit limit, String subject) {
        return limit.kind() + ":" + hasher.hash(limit.kind() + "\n" + subject);
    }
}
