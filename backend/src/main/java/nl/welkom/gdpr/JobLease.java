package nl.welkom.gdpr;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;

/**
 * A lease on a job for one backend instance at a time (table {@code job_lease}, V22): taking it is
 * one conditional {@code UPDATE ... WHERE name = ? AND lease_until <= now}, which the database
 * applies to at most one of several concurrent instances (SQLite: one writer at a time; PostgreSQL:
 * the row lock, and the loser re-evaluates the condition). No UPSERT, no database-specific SQL. The
 * lease is not given back when the job ends: it expires, so a job runs at most once per lease length.
 */
@Singleton
public class JobLease {
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    JobLease(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Takes the lease {@code name} for {@code holder} for {@code length} when nobody holds it now.
     *
     * @return true for the one caller that got it
     */
    public boolean take(String name, String holder, Duration length) {
        long now = clock.millis();
        ensure(name);
        return transactions.executeWrite(status -> Sql.update(status.getConnection(),
                "UPDATE job_lease SET holder = ?, lease_until = ? WHERE name = ? AND lease_until <= ?",
                holder, now + length.toMillis(), name, now)) == 1;
    }

    /** Records that {@code holder}'s run of the job ended now (shown to operators; the lease stays until it expires). */
    public void ran(String name, String holder) {
        long now = clock.millis();
        transactions.executeWrite(status -> Sql.update(status.getConnection(),
                "UPDATE job_lease SET last_run_at = ? WHERE name = ? AND holder = ?", now, name, holder));
    }

    /** Adds the lease's row when a job has none yet (the retention job's row comes with V22). */
    private void ensure(String name) {
        try {
            transactions.executeWrite(status -> Sql.update(status.getConnection(),
                    "INSERT INTO job_lease (name, holder, lease_until, last_run_at)"
                            + " SELECT ?, NULL, 0, NULL WHERE NOT EXISTS (SELECT 1 FROM job_lease WHERE name = ?)",
                    name, name));
        } catch (RuntimeException e) {
            // another instance inserted it at the same moment: the row exists, which is all we need
        }
    }
}
