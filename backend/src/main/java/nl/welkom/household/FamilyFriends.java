package nl.welkom.household;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.model.household.FamilyFriend;

/**
 * The family friend a household's own phone shows ({@code Household.familyFriend}): the first name
 * and languages of its active match's buddy (the oldest when there are several), nothing more. The
 * volunteer record gives the first name and the languages best first; a buddy account without one
 * (made by an administrator) gives the first word of its display name and its languages.
 */
@Singleton
class FamilyFriends {
    private final TransactionOperations<Connection> transactions;

    FamilyFriends(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    Optional<FamilyFriend> of(String householdId) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<String[]> rows = Sql.query(connection,
                    "SELECT u.display_name, u.languages, v.id, v.first_name FROM buddy_match m"
                            + " JOIN app_user u ON u.id = m.buddy_user_id"
                            + " LEFT JOIN volunteer v ON v.user_id = u.id"
                            + " WHERE m.household_id = ? AND m.ended_at IS NULL ORDER BY m.started_at",
                    row -> new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)},
                    householdId);
            if (rows.isEmpty()) {
                return Optional.<FamilyFriend>empty();
            }
            String[] row = rows.get(0);
            if (row[2] == null) {
                String displayName = row[0].strip();
                int space = displayName.indexOf(' ');
                return Optional.of(new FamilyFriend(space < 0 ? displayName : displayName.substring(0, space),
                        LanguageList.parse(row[1])));
            }
            List<String> languages = Sql.query(connection,
                    "SELECT lang FROM volunteer_language WHERE volunteer_id = ? ORDER BY CASE level"
                            + " WHEN 'NATIVE' THEN 0 WHEN 'FLUENT' THEN 1 WHEN 'GOOD' THEN 2 ELSE 3 END, lang",
                    language -> language.getString(1), row[2]);
            return Optional.of(new FamilyFriend(row[3], languages));
        });
    }
}
