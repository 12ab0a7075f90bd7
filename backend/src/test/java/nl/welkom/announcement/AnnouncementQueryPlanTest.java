package nl.welkom.announcement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.micronaut.data.annotation.Query;
import nl.welkom.TestDatabase;
import nl.welkom.TestServer;

/** A pull's announcement query costs what changed in the municipality, not every announcement there is. */
@Tag(TestDatabase.SQLITE_ONLY)
class AnnouncementQueryPlanTest {

    @Test
    void theAnnouncementQueryOfAPullSearchesTheMunicipalityAndSequenceIndex() throws Exception {
        String sql = AnnouncementRepository.class.getMethod("findChangedFor", String.class, String.class,
                java.util.Collection.class, String.class, long.class, long.class, int.class)
                .getAnnotation(Query.class).value();
        String jdbc = sql.replaceAll("IN \\(:\\w+\\)", "IN (?, ?)").replaceAll(":\\w+", "?");
        List<String> steps = new ArrayList<>();
        try (Connection connection = TestServer.get().database();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + jdbc);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                steps.add(rows.getString("detail"));
            }
        } catch (SQLException e) {
            throw new AssertionError(jdbc, e);
        }
        String plan = String.join("\n", steps);
        assertTrue(plan.contains("USING INDEX announcement_municipality_change (municipality_id=? AND change_seq>? AND change_seq<?)"),
                plan);
        assertFalse(plan.contains("SCAN"), plan);
    }
}
