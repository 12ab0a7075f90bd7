package nl.welkom.gdpr;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tables hold data about a household, read from the database's own schema at run time, so
 * that a table added later cannot be missed by the export or the erasure (docs/gdpr.md). A table
 * <em>reaches</em> a household when it is {@code household} itself, has a {@code household_id}
 * column, or has a foreign key to a table that reaches one ({@code task_title} through {@code task},
 * {@code auth_token} through {@code device}). Each reached table comes with a condition that selects
 * the household's rows, with one parameter: the household id.
 */
public final class HouseholdTables {
    /** The table every other one leads to. */
    static final String HOUSEHOLD = "household";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> SCHEMA_HISTORY = Set.of("flyway_schema_history");

    private final List<Table> reached;
    private final List<String> unreached;

    private HouseholdTables(List<Table> reached, List<String> unreached) {
        this.reached = List.copyOf(reached);
        this.unreached = List.copyOf(unreached);
    }

    /**
     * A table column.
     *
     * @param nullable whether it may be NULL
     * @param text     whether it holds text (an empty string is a valid blank)
     */
    public record Column(String name, boolean nullable, boolean text) {
    }

    /**
     * A table that reaches a household.
     *
     * @param selector a boolean SQL condition on the table's rows with one {@code ?}: the household id
     * @param via      the table it reaches the household through ({@code null} for direct ones)
     */
    public record Table(String name, List<Column> columns, String selector, String via) {
        /** {@code SELECT ... WHERE selector}: the household's rows of this table. */
        String where() {
            return " WHERE " + selector;
        }
    }

    /** Reads the schema through {@code connection}'s metadata (SQLite and PostgreSQL alike). */
    public static HouseholdTables read(Connection connection) {
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            Map<String, List<Column>> columns = new LinkedHashMap<>();
            try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!name.startsWith("sqlite_") && !SCHEMA_HISTORY.contains(name)) {
                        columns.put(name, new ArrayList<>());
                    }
                }
            }
            Map<String, List<String[]>> foreignKeys = new LinkedHashMap<>(); // table -> [fk column, parent, parent column]
            for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
                identifier(table.getKey());
                try (ResultSet rows = meta.getColumns(null, schema, table.getKey(), "%")) {
                    while (rows.next()) {
                        String type = String.valueOf(rows.getString("TYPE_NAME")).toUpperCase(Locale.ROOT);
                        table.getValue().add(new Column(identifier(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)),
                                rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                                type.contains("TEXT") || type.contains("CHAR")));
                    }
                }
                List<String[]> keys = new ArrayList<>();
                try (ResultSet rows = meta.getImportedKeys(null, schema, table.getKey())) {
                    while (rows.next()) {
                        keys.add(new String[] {
                                identifier(rows.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT)),
                                identifier(rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT)),
                                identifier(String.valueOf(rows.getString("PKCOLUMN_NAME")).toLowerCase(Locale.ROOT))});
                    }
                }
                foreignKeys.put(table.getKey(), keys);
            }
            return resolve(columns, foreignKeys);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schema", e);
        }
    }

    private static HouseholdTables resolve(Map<String, List<Column>> columns, Map<String, List<String[]>> foreignKeys) {
        Map<String, Table> found = new LinkedHashMap<>();
        if (!columns.containsKey(HOUSEHOLD)) {
            throw new IllegalStateException("No household table");
        }
        found.put(HOUSEHOLD, new Table(HOUSEHOLD, List.copyOf(columns.get(HOUSEHOLD)), "id = ?", null));
        for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
            if (!found.containsKey(table.getKey())
                    && table.getValue().stream().anyMatch(column -> column.name().equals("household_id"))) {
                found.put(table.getKey(), new Table(table.getKey(), List.copyOf(table.getValue()), "household_id = ?", null));
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
                if (found.containsKey(table.getKey())) {
                    continue;
                }
                for (String[] key : foreignKeys.get(table.getKey())) {
                    Table parent = found.get(key[1]);
                    if (parent != null) {
                        found.put(table.getKey(), new Table(table.getKey(), List.copyOf(table.getValue()),
                                key[0] + " IN (SELECT " + key[2] + " FROM " + parent.name() + parent.where() + ")",
                                parent.name()));
                        grew = true;
                        break;
                    }
                }
            }
        }
        // Children before parents: a table is listed only when no table still to list refers to it.
        List<Table> ordered = new ArrayList<>();
        Set<String> left = new LinkedHashSet<>(found.keySet());
        while (!left.isEmpty()) {
            String next = left.stream()
                    .filter(candidate -> left.stream().noneMatch(other -> !other.equals(candidate)
                            && foreignKeys.get(other).stream().anyMatch(key -> key[1].equals(candidate))))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Foreign keys form a cycle among " + left));
            ordered.add(found.get(next));
            left.remove(next);
        }
        List<String> unreached = columns.keySet().stream().filter(name -> !found.containsKey(name)).sorted().toList();
        return new HouseholdTables(ordered, unreached);
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalStateException("Unexpected identifier in the schema: " + name);
        }
        return name;
    }

    /** Every table that reaches a household, children before the tables they refer to (a safe deletion order). */
    public List<Table> reached() {
        return reached;
    }

    /** The names of every other table (content, accounts, municipalities, ...), sorted. */
    public List<String> unreached() {
        return unreached;
    }

    /** The reached table {@code name}. */
    public Table table(String name) {
        return reached.stream().filter(table -> table.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Not a household table: " + name));
    }
}
