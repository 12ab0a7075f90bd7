package nl.welkom.gdpr;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AuthService;
import nl.welkom.auth.Caller;
import nl.welkom.auth.SecretHasher;
import nl.welkom.config.Sql;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.household.ScopeChange;
import nl.welkom.household.ScopeChangeRepository;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * Erases a household (docs/gdpr.md, "Erasure"), in one transaction: every row of every table that
 * reaches it ({@link HouseholdTables}, read from the schema) is deleted, except
 * <ul>
 *   <li>{@code household} and {@code device}: blank tombstones (ids, municipality, stage and dates
 *       only), so that the scope changes below and the devices' revoked tokens still refer to something;</li>
 *   <li>{@code scope_change} and {@code auth_token}: ids, HMACs and instants only, kept so that the
 *       phones hear about the erasure;</li>
 *   <li>{@code audit_event}: kept for accountability, with the household's id and its devices' ids
 *       replaced by pseudonyms, an HMAC with the server secret.</li>
 * </ul>
 * Before that it ends the household's buddy matches and revokes its devices, each with a scope
 * change "left" (the family friend's phone drops the household at its next pull; the household's
 * own phones get {@code 401 device-revoked} and wipe their store). Erasing an erased household is
 * impossible: it is in nobody's scope any more.
 */
@Singleton
public class HouseholdErasure {
    /** An officer erased the household (audited under the household's pseudonym). */
    public static final String ERASE = "household.erase";
    /** The retention job erased it; recorded with no actor (docs/gdpr.md, "Retention"). */
    public static final String ERASE_BY_RETENTION = "household.erase.retention";

    /** Tables that are not emptied for the household (see the class comment). */
    static final Set<String> KEPT = Set.of("household", "device", "scope_change", "auth_token", "audit_event");
    private static final Set<String> HOUSEHOLD_KEPT_COLUMNS = Set.of("id", "municipality_id", "reference",
            "arrival_path", "stage", "version", "change_seq", "created_at", "erased_at");
    private static final Set<String> DEVICE_KEPT_COLUMNS = Set.of("id", "household_id", "created_at", "revoked_at");

    private final TransactionOperations<Connection> transactions;
    private final HouseholdScope scope;
    private final ChangeSequence sequence;
    private final ScopeChangeRepository scopeChanges;
    private final AuthService auth;
    private final SecretHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    HouseholdErasure(TransactionOperations<Connection> transactions, HouseholdScope scope, ChangeSequence sequence,
                     ScopeChangeRepository scopeChanges, AuthService auth, SecretHasher hasher, AuditLog audit,
                     Clock clock) {
        this.transactions = transactions;
        this.scope = scope;
        this.sequence = sequence;
        this.scopeChanges = scopeChanges;
        this.auth = auth;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What an erasure did.
     *
     * @param pseudonym      what the household's audit entries now name instead of its id
     * @param rowsDeleted    rows deleted over all tables
     * @param devicesRevoked devices revoked by it (those revoked before are not counted)
     * @param matchesEnded   active buddy matches it ended
     */
    public record Erased(String pseudonym, int rowsDeleted, int devicesRevoked, int matchesEnded) {
    }

    /**
     * An officer of the household's municipality erases it, after typing its reference.
     *
     * @throws ProblemException 404 when the household is out of the officer's scope (or erased); 400
     *                          when {@code confirmReference} is not the household's reference
     */
    public Erased erase(Caller officer, String householdId, @Nullable String confirmReference) {
        if (officer.role() != Role.OFFICER) {
            throw ProblemException.notFound();
        }
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        if (confirmReference == null || !household.reference().equals(confirmReference.strip())) {
            throw ProblemException.badRequest("confirmReference: type the household's reference ("
                    + "as shown on its page) to confirm the erasure.");
        }
        return transactions.executeWrite(status -> {
            if (Sql.query(status.getConnection(), "SELECT id FROM household WHERE id = ? AND erased_at IS NULL",
                    rows -> rows.getString(1), household.id()).isEmpty()) {
                throw ProblemException.notFound(); // erased meanwhile by another officer or the retention job
            }
            Erased erased = eraseIn(status.getConnection(), household.id());
            audit.record(officer, ERASE, erased.pseudonym());
            return erased;
        });
    }

    /**
     * Erases a household whose retention period is over, on behalf of its municipality (no actor).
     * Returns empty when it was erased meanwhile.
     */
    Erased eraseByRetention(String householdId) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<String> municipality = Sql.query(connection,
                    "SELECT municipality_id FROM household WHERE id = ? AND erased_at IS NULL",
                    rows -> rows.getString(1), householdId);
            if (municipality.isEmpty()) {
                return null;
            }
            Erased erased = eraseIn(connection, householdId);
            audit.record(new Caller(Role.OFFICER, null, null, municipality.get(0), null), ERASE_BY_RETENTION,
                    erased.pseudonym());
            return erased;
        });
    }

    /** The pseudonym of a household id in the audit trail: irreversible without the server secret. */
    String pseudonym(String householdId) {
        return "erased:" + hasher.hash("gdpr.household:" + householdId);
    }

    private String devicePseudonym(String deviceId) {
        return "erased:" + hasher.hash("gdpr.device:" + deviceId);
    }

    private Erased eraseIn(Connection connection, String householdId) {
        long now = clock.millis();
        HouseholdTables tables = HouseholdTables.read(connection);

        // 1. The family friends' phones drop it: each active match ends with a scope change "left".
        List<String[]> matches = Sql.query(connection,
                "SELECT id, buddy_user_id FROM buddy_match WHERE household_id = ? AND ended_at IS NULL",
                rows -> new String[] {rows.getString(1), rows.getString(2)}, householdId);
        for (String[] match : matches) {
            long seq = sequence.next();
            Sql.update(connection, "UPDATE buddy_match SET ended_at = ? WHERE id = ?", now, match[0]);
            scopeChanges.save(ScopeChange.ofUser(seq, match[1], householdId, false, now));
        }

        // 2. Its phones: revoked (401 device-revoked wipes them), and a device-subject scope change "left".
        List<String> devices = Sql.query(connection, "SELECT id FROM device WHERE household_id = ?",
                rows -> rows.getString(1), householdId);
        int revoked = 0;
        for (String device : devices) {
            if (auth.revokeDevice(device)) {
                revoked++;
            }
            scopeChanges.save(new ScopeChange(sequence.next(), null, device, householdId, false, now));
        }

        // 3. The audit trail stays, under pseudonyms.
        String pseudonym = pseudonym(householdId);
        Sql.update(connection, "UPDATE audit_event SET household_id = ? WHERE household_id = ?", pseudonym, householdId);
        for (String device : devices) {
            Sql.update(connection, "UPDATE audit_event SET actor_device_id = ? WHERE actor_device_id = ?",
                    devicePseudonym(device), device);
        }

        // 4. Everything else that reaches the household, children first.
        int deleted = 0;
        for (HouseholdTables.Table table : tables.reached()) {
            if (!KEPT.contains(table.name())) {
                deleted += Sql.update(connection, "DELETE FROM " + table.name() + table.where(), householdId);
            }
        }

        // 5. The tombstones: only ids, municipality, stage and instants remain.
        blank(connection, tables.table("device"), DEVICE_KEPT_COLUMNS, householdId);
        blank(connection, tables.table("household"), HOUSEHOLD_KEPT_COLUMNS, householdId);
        Sql.update(connection, "UPDATE household SET reference = id, erased_at = ?, version = version + 1,"
                + " change_seq = ? WHERE id = ?", now, sequence.next(), householdId);
        return new Erased(pseudonym, deleted, revoked, matches.size());
    }

    /** Sets every column of the household's rows of {@code table} outside {@code kept} to NULL or ''. */
    private static void blank(Connection connection, HouseholdTables.Table table, Set<String> kept, String householdId) {
        List<String> assignments = new ArrayList<>();
        for (HouseholdTables.Column column : table.columns()) {
            if (kept.contains(column.name())) {
                continue;
            }
            if (column.nullable()) {
                assignments.add(column.name() + " = NULL");
            } else if (column.text()) {
                assignments.add(column.name() + " = ''");
            } else {
                throw new IllegalStateException("Erasure does not know how to blank " + table.name() + "."
                        + column.name() + " (NOT NULL, not text): decide in HouseholdErasure");
            }
        }
        if (!assignments.isEmpty()) {
            Sql.update(connection, "UPDATE " + table.name() + " SET " + String.join(", ", assignments) + table.where(),
                    householdId);
        }
    }
}
