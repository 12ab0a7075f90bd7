package nl.welkom.gdpr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.config.Sql;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * Everything Welkom holds about one household, for an officer of its municipality (docs/gdpr.md,
 * "Export"; GDPR art. 15 and 20): one JSON document with a section per table that reaches the
 * household ({@link HouseholdTables}, read from the schema, so a new table is exported without a
 * change here), every column of every row as stored. Keyed hashes of tokens and codes
 * ({@code *_hash}) are withheld: they are credentials, not information about the family. Audited as
 * {@link #EXPORT}.
 */
@Singleton
public class HouseholdExport {
    /** An officer exported the household's data. */
    public static final String EXPORT = "household.export";
    /** The format name and version in every export. */
    static final String FORMAT = "welkom.household-export";
    static final int VERSION = 1;

    private final TransactionOperations<Connection> transactions;
    private final HouseholdScope scope;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    HouseholdExport(TransactionOperations<Connection> transactions, HouseholdScope scope, AuditLog audit,
                    JsonMapper json, Clock clock) {
        this.transactions = transactions;
        this.scope = scope;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The export as a document.
     *
     * @param reference the household's reference (for the file name)
     * @param json      UTF-8 JSON
     */
    public record File(String reference, byte[] json) {
    }

    /**
     * Exports the household; audited.
     *
     * @throws ProblemException 404 when it is out of the officer's scope
     */
    public File export(Caller officer, String householdId) {
        if (officer.role() != Role.OFFICER) {
            throw ProblemException.notFound();
        }
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        Map<String, Object> document = transactions.executeRead(status -> document(status.getConnection(), household.id()));
        audit.record(officer, EXPORT, household.id());
        try {
            return new File(household.reference(), json.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> document(Connection connection, String householdId) {
        HouseholdTables tables = HouseholdTables.read(connection);
        Map<String, Object> sections = new TreeMap<>();
        List<String> withheld = new ArrayList<>();
        for (HouseholdTables.Table table : tables.reached()) {
            sections.put(table.name(), Sql.query(connection, "SELECT * FROM " + table.name() + table.where(),
                    HouseholdExport::row, householdId));
            table.columns().stream().filter(column -> withheld(column.name()))
                    .forEach(column -> withheld.add(table.name() + "." + column.name()));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("householdId", householdId);
        document.put("exportedAt", Instant.ofEpochMilli(clock.millis()).toString());
        document.put("instantsAre", "epoch milliseconds (columns ending in _at)");
        document.put("withheldColumns", withheld);
        document.put("tables", sections);
        return document;
    }

    private static Map<String, Object> row(ResultSet rows) throws java.sql.SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (!withheld(name)) {
                Object value = rows.getObject(i);
                row.put(name, value instanceof Number || value instanceof Boolean || value == null ? value
                        : value.toString());
            }
        }
        return row;
    }

    private static boolean withheld(String column) {
        return column.endsWith("_hash");
    }
}
