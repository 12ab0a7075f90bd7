package nl.welkom.abuse;

import java.util.concurrent.atomic.AtomicLong;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * The abuse metric: counts since this server instance started, kept in memory (no personal data, no
 * log lines), read by administrators at {@code GET /api/admin/abuse-counters}. The durable record,
 * shared by every instance, is the audit log; these counts are for a quick look or a monitoring probe.
 */
@Singleton
public class AbuseCounters {
    private final AtomicLong failedLogins = new AtomicLong();
    private final AtomicLong refusedActivationCodes = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong deniedAccesses = new AtomicLong();
    private final AtomicLong crossOriginRefusals = new AtomicLong();

    void failedLogin() {
        failedLogins.incrementAndGet();
    }

    void refusedActivationCode() {
        refusedActivationCodes.incrementAndGet();
    }

    void throttled() {
        throttled.incrementAndGet();
    }

    void deniedAccess() {
        deniedAccesses.incrementAndGet();
    }

    void crossOriginRefusal() {
        crossOriginRefusals.incrementAndGet();
    }

    /** The counts now. */
    public Snapshot snapshot() {
        return new Snapshot(failedLogins.get(), refusedActivationCodes.get(), throttled.get(), deniedAccesses.get(),
                crossOriginRefusals.get());
    }

    /**
     * The counts at one moment.
     *
     * @param failedLogins           wrong username or password (API and dashboard)
     * @param refusedActivationCodes activation codes that were refused (unknown, used, expired, withdrawn)
     * @param throttled              login and activation attempts answered 429
     * @param deniedAccesses         requests for an existing household outside the caller's scope
     * @param crossOriginRefusals    cookie-authenticated API writes from another origin, refused
     */
    @Serdeable
    public record Snapshot(long failedLogins, long refusedActivationCodes, long throttled, long deniedAccesses,
                           long crossOriginRefusals) {
    }
}
