package nl.welkom.gdpr;

import java.time.Duration;
import java.util.UUID;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases the households whose retention period is over ({@link Retention}), every
 * {@code welkom.gdpr.retention-job.interval} (default 6 h, first 30 min after start). With several
 * backend instances on one database only the one that takes the {@link JobLease} runs; the others
 * do nothing until the lease ({@code welkom.gdpr.retention-job.lease}, default 1 h) has expired.
 * Logs counts only. Off with {@code welkom.gdpr.retention-job.enabled: false}.
 */
@Singleton
@Requires(property = "welkom.gdpr.retention-job.enabled", notEquals = "false")
public class RetentionJob {
    /** The lease's name in {@code job_lease}. */
    static final String LEASE = "gdpr.retention";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final JobLease lease;
    private final Retention retention;
    private final HouseholdErasure erasure;
    private final Duration leaseLength;
    private final String leaseName;
    private final String holder;

    @Inject
    RetentionJob(JobLease lease, Retention retention, HouseholdErasure erasure,
                 @Value("${welkom.gdpr.retention-job.lease:1h}") Duration leaseLength) {
        this(lease, retention, erasure, leaseLength, LEASE, UUID.randomUUID().toString());
    }

    RetentionJob(JobLease lease, Retention retention, HouseholdErasure erasure, Duration leaseLength, String leaseName,
                 String holder) {
        this.lease = lease;
        this.retention = retention;
        this.erasure = erasure;
        this.leaseLength = leaseLength;
        this.leaseName = leaseName;
        this.holder = holder;
    }

    /**
     * What one run did.
     *
     * @param ran    false when another instance holds the lease (nothing was looked at)
     * @param erased households erased
     */
    public record Run(boolean ran, int erased) {
    }

    @Scheduled(fixedDelay = "${welkom.gdpr.retention-job.interval:6h}",
            initialDelay = "${welkom.gdpr.retention-job.initial-delay:30m}")
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Retention job failed; it runs again at its next turn", e);
        }
    }

    /** One run: take the lease, then erase every household whose erasure date has come. */
    public Run runOnce() {
        if (!lease.take(leaseName, holder, leaseLength)) {
            LOG.debug("Retention job skipped: another instance holds the lease");
            return new Run(false, 0);
        }
        int erased = 0;
        for (Retention.Scheduled due : retention.dueBy(null, retention.today())) {
            if (erasure.eraseByRetention(due.householdId()) != null) {
                erased++;
            }
        }
        lease.ran(leaseName, holder);
        LOG.info("Retention job: {} households erased", erased);
        return new Run(true, erased);
    }
}
