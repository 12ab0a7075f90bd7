package nl.welkom.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC for features whose queries Micronaut Data does not express well (joins over the
 * content revisions, grouped counts). Use only with the connection of a running transaction
 * ({@code TransactionOperations.executeRead/executeWrite}); parameters are bound, never concatenated.
 */
public final class Sql {
    private Sql() {
    }

    /** Maps the current row of a result set. */
    public interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> result = new ArrayList<>();
        forEach(connection, sql, row -> result.add(mapper.map(row)), parameters);
        return result;
    }

    /** Reads the current row of a result set, for a caller that keeps what it needs. */
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Hands each row to {@code reader}; returns how many there were. */
    public static int forEach(Connection connection, String sql, RowReader reader, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            int rows = 0;
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    reader.read(found);
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed", e);
        }
    }

    public static int update(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
