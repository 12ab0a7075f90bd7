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

    /** The languages of every ACTIVE volunteer of the municipality, by volunteer id, in one query. */
    java.util.Map<String, List<Volunteers.Skill>> ofActive(String municipalityId) {
        java.util.Map<String, List<Volunteers.Skill>> result = new java.util.HashMap<>();
        transactions.executeRead(status -> Sql.query(status.getConnection(),
                "SELECT l.volunteer_id, l.lang, l.level FROM volunteer_language l"
                        + " JOIN volunteer v ON v.id = l.volunteer_id"
                        + " WHERE v.municipality_id = ? AND v.state = ? ORDER BY l.volunteer_id, l.lang",
                rows -> result.computeIfAbsent(rows.getString(1), id -> new java.util.ArrayList<>())
                        .add(new Volunteers.Skill(rows.getString(2), Volunteer.Level.valueOf(rows.getString(3)))),
                municipalityId, VolunteerState.ACTIVE.name()));
        return result;
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
