package nl.welkom.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.welkom.TestDatabase;
import nl.welkom.TestServer;

/**
 * The retention job on a database of its own (it erases every household whose period is over, so
 * it must not run on the shared test server's): two instances of the job on one database, as two
 * backend instances would be — one erases, the other does nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionJobTest implements TestPropertyProvider {
    private final Path dataDir = temporary();

    @Inject
    ApplicationContext context;
    @Inject
    JobLease lease;
    @Inject
    Retention retention;
    @Inject
    HouseholdErasure erasure;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestServer.properties(dataDir).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("welkom.gdpr.retention-job.enabled", "false"); // the test makes its own instances
        properties.put("welkom.gdpr.retention-months", "24");
        return properties;
    }

    @Test
    void twoInstancesOfTheJobOnOneDatabaseEraseAnExpiredHouseholdOnceAndLeaveTheOthers() throws Exception {
        LocalDate today = retention.today();
        String expired = plan("T-SCOPE", "2015-03-01");              // term ended 2018-03-01: erase on 2020-03-02
        String soon = plan("T-UNMATCHED", today.minusYears(5).plusDays(10).toString()); // within the warning
        String running = plan("T-ACTIVATION", today.minusDays(100).toString());
        String draft = plan("T-PUSH", null);
        assertFalse(context.containsBean(RetentionJob.class), "the scheduled bean is off in this test");

        RetentionJob first = new RetentionJob(lease, retention, erasure, Duration.ofHours(1), RetentionJob.LEASE, "one");
        RetentionJob second = new RetentionJob(lease, retention, erasure, Duration.ofHours(1), RetentionJob.LEASE, "two");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<RetentionJob.Run>> runs = new ArrayList<>();
        for (RetentionJob job : List.of(first, second)) {
            runs.add(pool.submit(() -> {
                start.await();
                return job.runOnce();
            }));
        }
        start.countDown();
        RetentionJob.Run a = runs.get(0).get();
        RetentionJob.Run b = runs.get(1).get();
        pool.shutdown();

        System.out.println("RetentionJobTest: 2 instances, " + ((a.ran() ? 1 : 0) + (b.ran() ? 1 : 0)) + " ran, "
                + (a.erased() + b.erased()) + " households erased");
        assertTrue(a.ran() ^ b.ran(), "exactly one instance takes the lease");
        assertEquals(1, a.erased() + b.erased());
        assertNotNull(erasedAt(expired));
        assertNull(erasedAt(soon));
        assertNull(erasedAt(running));
        assertNull(erasedAt(draft));
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = ? AND household_id = ?",
                HouseholdErasure.ERASE_BY_RETENTION, erasure.pseudonym(expired)));

        // The lease holds: a third run within the hour does nothing at all.
        assertFalse(second.runOnce().ran());
        assertFalse(first.runOnce().ran());
        // Once it has expired the next run looks again and finds nothing left to erase.
        update("UPDATE job_lease SET lease_until = 0 WHERE name = ?", RetentionJob.LEASE);
        RetentionJob.Run later = second.runOnce();
        assertTrue(later.ran());
        assertEquals(0, later.erased());
    }

    @Test
    void theOfficerIsWarnedThirtyDaysAheadAndOnlyHouseholdsWithAnEndedTermHaveADate() {
        LocalDate today = retention.today();
        String soon = plan("T-PAGE", today.minusYears(5).plusDays(20).toString());
        String later = plan("T-MATCH", today.minusYears(4).toString());
        String draft = plan("T-MIX-A", null);

        List<String> warned = retention.dueBy(null, today.plusDays(Retention.WARNING_DAYS)).stream()
                .map(Retention.Scheduled::householdId).toList();

        assertTrue(warned.contains(soon));
        assertFalse(warned.contains(later));
        assertFalse(warned.contains(draft));
        Retention.Scheduled date = retention.of(soon).orElseThrow();
        LocalDate termEnd = today.minusYears(5).plusDays(20).plusYears(3);
        assertEquals(termEnd, date.termEnd());
        assertEquals(termEnd.plusDays(1).plusMonths(24), date.eraseOn());
        assertTrue(retention.of(draft).isEmpty());
        assertEquals(today.minusYears(4).plusYears(3).plusDays(1).plusMonths(24), retention.of(later).orElseThrow().eraseOn());
    }

    /** Gives a new member of the fixture household {@code reference} an integration plan of that date (null: a draft). */
    private String plan(String reference, String establishedOn) {
        String household = string("SELECT id FROM household WHERE reference = ?", reference);
        String member = UUID.randomUUID().toString();
        update("INSERT INTO member (id, household_id, display_name, birth_year, languages, sort_order)"
                + " VALUES (?, ?, 'Lid', 1990, 'ti', 99)", member, household);
        update("INSERT INTO integration_plan (id, household_id, member_id, route, established_on, language_school,"
                + " version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, 'B1', ?, NULL, 1, 0, 'test', 0,"
                + " 'test')", UUID.randomUUID().toString(), household, member, establishedOn);
        return household;
    }

    private Long erasedAt(String household) {
        try (Connection connection = database();
             PreparedStatement statement = connection.prepareStatement("SELECT erased_at FROM household WHERE id = ?")) {
            statement.setString(1, household);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long value = rows.getLong(1);
                return rows.wasNull() ? null : value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String string(String sql, Object... parameters) {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... parameters) {
        return Long.parseLong(string(sql, parameters));
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection database() {
        return TestDatabase.connect(dataDir);
    }

    private static Path temporary() {
        try {
            return Files.createTempDirectory("welkom-retention");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
