package nl.welkom.matching;

import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.LanguageList;
import nl.welkom.household.MemberRepository;
import nl.welkom.volunteer.VolunteerState;
import nl.welkom.volunteer.Volunteers;

/**
 * Loads what {@link MatchScore} needs in a fixed number of queries, whatever the number of volunteers:
 * the ACTIVE volunteers, all their languages, and all their current loads (one query each), plus the
 * household's members, preference, postcode and current matches. Joins the caller's transaction.
 */
@Singleton
class MatchingData {
    private final Volunteers volunteers;
    private final MemberRepository members;
    private final TransactionOperations<Connection> transactions;

    MatchingData(Volunteers volunteers, MemberRepository members, TransactionOperations<Connection> transactions) {
        this.volunteers = volunteers;
        this.members = members;
        this.transactions = transactions;
    }

    MatchScore.Household household(HouseholdEntity household, int year) {
        List<MatchScore.Member> people = members.findByHouseholdIdInOrderBySortOrder(List.of(household.id())).stream()
                .map(member -> new MatchScore.Member(LanguageList.parse(member.languages()), member.birthYear()))
                .toList();
        Set<String> matched = new HashSet<>(query(
                "SELECT buddy_user_id FROM buddy_match WHERE household_id = ? AND ended_at IS NULL",
                household.id()));
        List<String> postcodes = query(
                "SELECT postcode FROM housing_offer WHERE household_id = ? AND status = 'ACCEPTED'", household.id());
        return new MatchScore.Household(LanguageList.parse(household.languages()), people,
                preference(household.id()).orElse(null), postcodes.isEmpty() ? null : postcodes.get(0), matched, year);
    }

    /** WOMAN or MAN when the household's officer recorded a wish, else empty. */
    Optional<String> preference(String householdId) {
        return query("SELECT prefers FROM household_buddy_preference WHERE household_id = ?", householdId).stream()
                .findFirst();
    }

    /** Records the wish, or removes it when {@code prefers} is null. */
    void savePreference(String householdId, @Nullable String prefers, long now) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Sql.update(connection, "DELETE FROM household_buddy_preference WHERE household_id = ?", householdId);
            if (prefers != null) {
                Sql.update(connection, "INSERT INTO household_buddy_preference (household_id, prefers, updated_at)"
                        + " VALUES (?, ?, ?)", householdId, prefers, now);
            }
            return null;
        });
    }

    /**
     * The ACTIVE volunteers of the municipality that have a BUDDY account, with languages and load: two
     * queries whatever their number (the volunteers with their active matches counted by the index
     * {@code buddy_match_buddy_active}, then all their languages). Plain SQL with only the columns
     * scoring needs: mapping whole entities cost more than the scoring itself at 2,000 volunteers.
     */
    List<MatchScore.Candidate> candidates(String municipalityId) {
        Map<String, List<Volunteers.Skill>> languages = volunteers.languagesOfMatchable(municipalityId);
        return transactions.executeRead(status -> Sql.query(status.getConnection(),
                "SELECT v.id, v.user_id, v.first_name, v.last_name, v.gender, v.postcode, v.hours_per_week, v.prefers,"
                        + " v.max_households, (SELECT count(*) FROM buddy_match m WHERE m.buddy_user_id = v.user_id"
                        + " AND m.ended_at IS NULL) FROM volunteer v"
                        + " WHERE v.municipality_id = ? AND v.state = ? AND v.user_id IS NOT NULL",
                rows -> new MatchScore.Candidate(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getInt(7),
                        preferences(rows.getString(8)), rows.getInt(9),
                        skills(languages.get(rows.getString(1))), rows.getInt(10)),
                municipalityId, VolunteerState.ACTIVE.name()));
    }

    private static List<String> preferences(String prefers) {
        return prefers == null || prefers.isEmpty() ? List.of() : List.of(prefers.split(","));
    }

    private static List<MatchScore.Skill> skills(List<Volunteers.Skill> skills) {
        if (skills == null) {
            return List.of();
        }
        List<MatchScore.Skill> result = new java.util.ArrayList<>(skills.size());
        for (Volunteers.Skill skill : skills) {
            result.add(new MatchScore.Skill(skill.lang(), MatchScore.Level.valueOf(skill.level().name())));
        }
        return result;
    }

    private List<String> query(String sql, Object... parameters) {
        return transactions.executeRead(status -> Sql.query(status.getConnection(), sql, rows -> rows.getString(1),
                parameters));
    }
}
