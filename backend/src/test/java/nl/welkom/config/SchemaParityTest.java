package nl.welkom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One set of migrations serves SQLite and PostgreSQL (docs/postgresql.md). This test keeps the two in
 * step: it migrates a fresh SQLite file and a fresh PostgreSQL database with the server's own
 * migrations and compares what they made through JDBC metadata — every table, every column with its
 * type (normalised: SQLite's declared name against PostgreSQL's), nullability, primary keys, and every
 * index with its columns and uniqueness. Any difference fails with the list of differences.
 */
class SchemaParityTest {

    @TempDir
    Path tmp;

    @Test
    void theMigrationsMakeTheSameSchemaOnSqliteAndPostgresql() throws Exception {
        String sqliteUrl = "jdbc:sqlite:" + tmp.resolve("parity.db");
        Flyway.configure().dataSource(sqliteUrl, null, null).locations("classpath:db/migration").load().migrate();
        Map<String, String> sqlite;
        try (Connection connection = DriverManager.getConnection(sqliteUrl)) {
            sqlite = schema(connection, null);
        }
        Map<String, String> postgres;
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(server.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();
            try (Connection connection = server.getPostgresDatabase().getConnection()) {
                postgres = schema(connection, "public");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL", e);
        }

        List<String> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(sqlite.keySet());
        keys.addAll(postgres.keySet());
        for (String key : keys) {
            String left = sqlite.get(key);
            String right = postgres.get(key);
            if (left == null || !left.equals(right)) {
                differences.add(key + ": SQLite " + left + ", PostgreSQL " + right);
            }
        }
        long tables = sqlite.keySet().stream().filter(key -> key.startsWith("table ")).count();
        System.out.println("SchemaParityTest: " + tables + " tables, " + sqlite.size() + " schema facts compared, "
                + differences.size() + " differences");
        assertTrue(tables > 50, "the whole schema was read: " + tables + " tables");
        assertEquals(List.of(), differences);
    }

    /** Every fact of the schema as "kind name" → description, without Flyway's own history table. */
    private static Map<String, String> schema(Connection connection, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, String> facts = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.startsWith("flyway_") && !table.startsWith("sqlite_")) {
                    tables.add(table);
                }
            }
        }
        for (String table : tables) {
            facts.put("table " + table, "present");
            try (ResultSet columns = meta.getColumns(null, schema, table, "%")) {
                while (columns.next()) {
                    facts.put("column " + table + "." + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            type(columns.getString("TYPE_NAME")) + (columns.getInt("NULLABLE")
                                    == DatabaseMetaData.columnNoNulls ? " not null" : " null"));
                }
            }
            TreeSet<String> key = new TreeSet<>();
            try (ResultSet columns = meta.getPrimaryKeys(null, schema, table)) {
                while (columns.next()) {
                    key.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            facts.put("primary key " + table, key.toString());
            Map<String, TreeMap<Integer, String>> indexColumns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet indexes = meta.getIndexInfo(null, schema, table, false, false)) {
                while (indexes.next()) {
                    String name = indexes.getString("INDEX_NAME");
                    String column = indexes.getString("COLUMN_NAME");
                    if (name == null || column == null) {
                        continue;
                    }
                    indexColumns.computeIfAbsent(name, n -> new TreeMap<>())
                            .put(indexes.getInt("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
                    unique.put(name, !indexes.getBoolean("NON_UNIQUE"));
                }
            }
            indexColumns.forEach((name, columns) -> {
                boolean primaryKey = name.endsWith("_pkey")
                        || name.startsWith("sqlite_autoindex") && new TreeSet<>(columns.values()).equals(key);
                if (!primaryKey) {
                    // By table and columns, not by name: an inline UNIQUE is "sqlite_autoindex_…" on SQLite
                    // and "…_key" on PostgreSQL.
                    facts.merge("index " + table + columns.values(), unique.get(name) ? "unique" : "plain",
                            (a, b) -> a.compareTo(b) <= 0 ? a + ", " + b : b + ", " + a);
                }
            });
        }
        return facts;
    }

    /** SQLite's declared type and PostgreSQL's type name, brought to one vocabulary. */
    private static String type(String name) {
        String type = name.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").trim();
        switch (type) {
            case "int2": case "smallint": return "int16";
            case "int4": case "int": case "integer": case "serial": return "int32";
            case "int8": case "bigint": case "bigserial": return "int64";
            case "bool": case "boolean": return "boolean";
            case "float8": case "double": case "double precision": case "real": case "float4": return "float";
            case "numeric": case "decimal": return "decimal";
            case "bytea": case "blob": return "bytes";
            case "text": case "varchar": case "character varying": case "char": case "bpchar": case "clob": return "text";
            default: return type;
        }
    }
}
