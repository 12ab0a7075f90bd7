package nl.welkom.volunteer;

import java.sql.Connection;
import java.util.List;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;

/** The {@code volunteer_language} rows (composite key, so plain SQL); joins the caller's transaction. */
@Singleton
final class VolunteerLanguages {
    private final TransactionOperations<Connection> transactions;

    VolunteerLanguages(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    List<Volunteers.Skill> of(String volunteerId) {
        return transactions.executeRead(status -> Sql.query(status.getConnection(),
                "SELECT lang, level FROM volunteer_language WHERE volunteer_id = ? ORDER BY lang",
                rows -> new Volunteers.Skill(rows.getString(1), Volunteer.Level.valueOf(rows.getString(2))),
                volunteerId));
    }

    void save(String volunteerId, List<Volunteers.Skill> skills) {
        transactions.executeWrite(status -> {
            for (Volunteers.Skill skill : skills) {
                Sql.update(status.getConnection(),
                        "INSERT INTO volunteer_language (volunteer_id, lang, level) VALUES (?, ?, ?)",
                        volunteerId, skill.lang(), skill.level().name());
            }
            return null;
        });
    }
}
