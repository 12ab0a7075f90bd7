package nl.welkom.backup;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;

/**
 * Moves a Welkom database from the SQLite default to PostgreSQL (docs/postgresql.md, "Moving from
 * SQLite"), run with the server stopped:
 * {@code java -jar welkom-backend.jar move-to-postgresql [--data-dir DIR]}, the target named by the
 * same {@code DATASOURCES_DEFAULT_URL}, {@code _USERNAME} and {@code _PASSWORD} the server then starts
 * with.
 *
 * <ol>
 *   <li>The SQLite file must not be in use and must pass {@code integrity_check}.</li>
 *   <li>Both databases are migrated to this version's schema (the same migrations, kept in step by
 *       SchemaParityTest).</li>
 *   <li>The target must hold nobody's data yet (no municipality, account or household); the rows the
 *       migrations seeded are replaced by the file's.</li>
 *   <li>In one transaction, every table is copied in the order of its foreign keys, each value bound
 *       as the target column's type (SQLite keeps booleans as 0 and 1).</li>
 *   <li>Before committing, every table is compared: the number of rows and an order-independent digest
 *       of every row's values, read back from the target. Any difference rolls everything back.</li>
 * </ol>
 * The SQLite file is left as it was. Sequence values, ids, token hashes and cursors move unchanged, so
 * phones and sessions carry on, provided the server keeps its data folder (its {@code secret.key}).
 */
public final class MoveToPostgres {
    private static final String USAGE = "usage: java -jar welkom-backend.jar move-to-postgresql [--data-dir DIR]\n"
            + "The target is DATASOURCES_DEFAULT_URL (jdbc:postgresql://host:port/database), with\n"
            + "DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD. Stop the server first.\n"
            + "DIR defaults to $WELKOM_DATA_DIR, else ./data";
    private static final int BATCH = 500;
    /** Tables whose rows are somebody's data: the target must have none of them. */
    private static final List<String> OCCUPIED_IF_ANY = List.of("municipality", "app_user", "household");

    private MoveToPostgres() {
    }

    /** One table moved: its rows and the digest both sides agreed on. */
    public record Moved(String table, long rows, String digest) {
    }

    /** What the move did. */
    public record Result(List<Moved> tables, long rows, long millis) {
    }

    /** True when {@code args} name this command rather than server options. */
    public static boolean handles(String[] args) {
        return args.length > 0 && "move-to-postgresql".equals(args[0]);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String dataDir = environment.get("WELKOM_DATA_DIR");
        for (int i = 1; i < args.length; i++) {
            if ("--data-dir".equals(args[i]) && i + 1 < args.length) {
                dataDir = args[++i];
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        String url = environment.get("DATASOURCES_DEFAULT_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            err.println("move-to-postgresql refused: DATASOURCES_DEFAULT_URL must name the PostgreSQL database"
                    + " (jdbc:postgresql://…)\n" + USAGE);
            return 2;
        }
        Path database = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir)
                .resolve(DatabaseBackup.DATABASE_FILE);
        try {
            Result result = move(database, url, environment.get("DATASOURCES_DEFAULT_USERNAME"),
                    environment.get("DATASOURCES_DEFAULT_PASSWORD"));
            for (Moved table : result.tables()) {
                out.printf(Locale.ROOT, "  %-32s %,10d rows  digest %s%n", table.table(), table.rows(), table.digest());
            }
            out.printf(Locale.ROOT, "Moved %,d rows in %d tables in %.1f s; every table compared equal before the commit.%n"
                    + "%s is left as it was. Start the server with the same DATASOURCES_DEFAULT_* settings and the same"
                    + " data folder: its secret.key signs every session and phone token.%n", result.rows(),
                    result.tables().size(), result.millis() / 1000.0, database);
            return 0;
        } catch (DatabaseBackup.BackupException e) {
            err.println("move-to-postgresql refused: " + e.getMessage());
            return 1;
        } catch (SQLException | RuntimeException e) {
            err.println("move-to-postgresql failed, nothing was written: " + e.getMessage());
            return 1;
        }
    }

    /** Moves everything in the SQLite file {@code database} into the PostgreSQL database at {@code url}. */
    public static Result move(Path database, String url, String user, String password) throws SQLException {
        if (!Files.isRegularFile(database)) {
            throw new DatabaseBackup.BackupException("no database at " + database);
        }
        DatabaseBackup.requireNotInUse(database, "moving its data");
        String integrity = DatabaseBackup.integrityCheck(database);
        if (!"ok".equals(integrity)) {
            throw new DatabaseBackup.BackupException("the SQLite file failed its integrity check: " + integrity);
        }
        long started = System.nanoTime();
        String sqliteUrl = "jdbc:sqlite:" + database.toAbsolutePath() + "?busy_timeout=10000&foreign_keys=true";
        migrate(sqliteUrl, null, null);
        migrate(url, user, password);
        try (Connection source = DriverManager.getConnection(sqliteUrl);
             Connection target = DriverManager.getConnection(url, user, password)) {
            target.setAutoCommit(false);
            try {
                for (String table : OCCUPIED_IF_ANY) {
                    if (count(target, table) > 0) {
                        throw new DatabaseBackup.BackupException("the PostgreSQL database already holds data (table "
                                + table + " has rows): move into a new, empty database");
                    }
                }
                Map<String, List<Column>> tables = tablesInForeignKeyOrder(target);
                List<String> reversed = new ArrayList<>(tables.keySet());
                java.util.Collections.reverse(reversed);
                for (String table : reversed) {
                    try (Statement statement = target.createStatement()) {
                        statement.executeUpdate("DELETE FROM " + table);
                    }
                }
                List<Moved> moved = new ArrayList<>();
                long rows = 0;
                for (Map.Entry<String, List<Column>> table : tables.entrySet()) {
                    // The SQLite side is digested as it is copied (one pass), PostgreSQL's by reading it back.
                    Digest from = copy(source, target, table.getKey(), table.getValue());
                    Digest to = digest(target, table.getKey(), table.getValue());
                    if (!from.equals(to)) {
                        throw new IllegalStateException("table " + table.getKey() + " differs after the copy ("
                                + from.rows() + " rows in SQLite, " + to.rows() + " in PostgreSQL)");
                    }
                    moved.add(new Moved(table.getKey(), from.rows(), to.hex()));
                    rows += from.rows();
                }
                target.commit();
                // Statistics now, not when autovacuum gets round to it: the first requests after the
                // move are planned on the real table sizes.
                target.setAutoCommit(true);
                try (Statement analyze = target.createStatement()) {
                    analyze.execute("ANALYZE");
                }
                return new Result(List.copyOf(moved), rows, (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
        }
    }

    private static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
    }

    /** A column of the target table with its JDBC type. */
    private record Column(String name, int type) {
    }

    /** Every table of the target but Flyway's own, parents before the tables that refer to them. */
    private static Map<String, List<Column>> tablesInForeignKeyOrder(Connection target) throws SQLException {
        DatabaseMetaData meta = target.getMetaData();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (ResultSet tables = meta.getTables(null, target.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("flyway_")) {
                    parents.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
            try (ResultSet keys = meta.getImportedKeys(null, target.getSchema(), table.getKey())) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table.getKey())) {
                        table.getValue().add(parent);
                    }
                }
            }
        }
        Map<String, List<Column>> ordered = new LinkedHashMap<>();
        while (ordered.size() < parents.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!ordered.containsKey(table.getKey()) && ordered.keySet().containsAll(table.getValue())) {
                    ordered.put(table.getKey(), columns(meta, target.getSchema(), table.getKey()));
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the tables' foreign keys form a cycle");
            }
        }
        return ordered;
    }

    private static List<Column> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
            while (rows.next()) {
                columns.add(new Column(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rows.getInt("DATA_TYPE")));
            }
        }
        return columns;
    }

    /** Copies the table in batches; returns the digest of what it read from SQLite. */
    private static Digest copy(Connection source, Connection target, String table, List<Column> columns)
            throws SQLException {
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        String marks = String.join(", ", columns.stream().map(column -> "?").toList());
        Digest digest = new Digest();
        try (Statement read = source.createStatement();
             ResultSet from = read.executeQuery("SELECT " + names + " FROM " + table);
             PreparedStatement write = target.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES ("
                     + marks + ")")) {
            Object[] values = new Object[columns.size()];
            while (from.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    values[i] = value(from, i + 1, columns.get(i).type());
                    bind(write, i + 1, columns.get(i).type(), values[i]);
                }
                digest.add(values);
                write.addBatch();
                if (digest.rows() % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return digest;
    }

    /** A value read as the target column's type: SQLite's 0 and 1 become booleans, numbers keep their kind. */
    private static Object value(ResultSet row, int column, int type) throws SQLException {
        Object raw = row.getObject(column);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case Types.BOOLEAN, Types.BIT -> raw instanceof Number number ? number.longValue() != 0
                    : raw instanceof Boolean flag ? flag : "1".equals(raw.toString()) || "true".equalsIgnoreCase(raw.toString());
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> row.getLong(column);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> row.getDouble(column);
            case Types.NUMERIC, Types.DECIMAL -> row.getBigDecimal(column);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> row.getBytes(column);
            default -> row.getString(column);
        };
    }

    private static void bind(PreparedStatement statement, int index, int type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setString(index, value.toString());
        }
    }

    /** A table's row count and the sum of its rows' hashes: equal on both sides whatever their order. */
    private static final class Digest {
        private final MessageDigest sha;
        private long rows;
        private long sum;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(Object[] values) {
            StringBuilder text = new StringBuilder();
            for (Object value : values) {
                text.append(canonical(value)).append('\u001f');
            }
            byte[] hash = sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
            long first = 0;
            for (int i = 0; i < 8; i++) {
                first = (first << 8) | (hash[i] & 0xff);
            }
            sum += first;
            rows++;
        }

        long rows() {
            return rows;
        }

        String hex() {
            return String.format(Locale.ROOT, "%016x", sum);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest digest && digest.rows == rows && digest.sum == sum;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(rows * 31 + sum);
        }
    }

    private static Digest digest(Connection connection, String table, List<Column> columns) throws SQLException {
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        Digest digest = new Digest();
        try (Statement read = connection.createStatement();
             ResultSet row = read.executeQuery("SELECT " + names + " FROM " + table)) {
            Object[] values = new Object[columns.size()];
            while (row.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    values[i] = value(row, i + 1, columns.get(i).type());
                }
                digest.add(values);
            }
        }
        return digest;
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "\u0000";
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
