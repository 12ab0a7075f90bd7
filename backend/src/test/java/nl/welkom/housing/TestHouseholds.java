package nl.welkom.housing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Households for housing's tests, written straight into a test server's database (the fixture file
 * has no arrival dates, and each test class wants households of its own).
 */
final class TestHouseholds {
    private TestHouseholds() {
    }

    static String municipalityId(Connection connection, String slug) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM municipality WHERE slug = ?")) {
            statement.setString(1, slug);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no municipality " + slug);
                }
                return rows.getString(1);
            }
        }
    }

    /**
     * A household with {@code persons} members.
     *
     * @param arrivedOn ISO date or null
     * @param expected  ISO date of the expected arrival or null
     * @return its id
     */
    static String insert(Connection connection, String municipalityId, String reference, String nationality,
                         String camp, String arrivedOn, String expected, int persons) throws SQLException {
        String id = UUID.randomUUID().toString();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long seq;
            try (PreparedStatement next = connection.prepareStatement(
                    "UPDATE change_sequence SET last_seq = last_seq + 1 WHERE id = 1")) {
                next.executeUpdate();
            }
            try (PreparedStatement last = connection.prepareStatement("SELECT last_seq FROM change_sequence WHERE id = 1");
                 ResultSet rows = last.executeQuery()) {
                rows.next();
                seq = rows.getLong(1);
            }
            try (PreparedStatement household = connection.prepareStatement("INSERT INTO household (id, municipality_id,"
                    + " reference, display_name, nationality, camp_of_origin, arrival_path, stage, languages, version,"
                    + " change_seq, created_at, arrived_on, expected_arrival)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'DIRECT', 'ARRIVAL', 'nl', 1, ?, 0, ?, ?)")) {
                household.setString(1, id);
                household.setString(2, municipalityId);
                household.setString(3, reference);
                household.setString(4, "Family " + reference);
                household.setString(5, nationality);
                household.setString(6, camp);
                household.setLong(7, seq);
                household.setString(8, arrivedOn);
                household.setString(9, expected);
                household.executeUpdate();
            }
            for (int i = 0; i < persons; i++) {
                try (PreparedStatement member = connection.prepareStatement("INSERT INTO member (id, household_id,"
                        + " display_name, birth_year, languages, sort_order) VALUES (?, ?, ?, NULL, 'nl', ?)")) {
                    member.setString(1, UUID.randomUUID().toString());
                    member.setString(2, id);
                    member.setString(3, "Member " + (i + 1));
                    member.setInt(4, i);
                    member.executeUpdate();
                }
            }
            connection.commit();
            return id;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
