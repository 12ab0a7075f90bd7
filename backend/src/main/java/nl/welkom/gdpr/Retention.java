package nl.welkom.gdpr;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.integration.Term;

/**
 * The retention rule (docs/gdpr.md, "Retention"): a household is erased {@code welkom.gdpr.retention-months}
 * (default 24) after the end of its civic-integration term — the latest deadline among its members'
 * established plans (three years from the plan's date, plus DUO's extensions; {@link Term}) — on
 * the day after that period. A household with a draft plan (no date yet) or with no plan at all
 * gets no date: the rule cannot know when its integration ends, and an officer erases it by hand.
 * Officers see the date on the household page from the start and on {@code /dashboard/gdpr} once it
 * is at most {@link #WARNING_DAYS} days away.
 */
@Singleton
public class Retention {
    /** How long before the erasure the officer is warned. */
    public static final int WARNING_DAYS = 30;
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final int months;

    Retention(TransactionOperations<Connection> transactions, Clock clock,
              @Value("${welkom.gdpr.retention-months:24}") int months) {
        if (months < 1) {
            throw new IllegalArgumentException("welkom.gdpr.retention-months must be at least 1");
        }
        this.transactions = transactions;
        this.clock = clock;
        this.months = months;
    }

    /**
     * A household's erasure date.
     *
     * @param termEnd the last day of the latest integration term among its members
     * @param eraseOn the day it is erased: the day after {@code termEnd} plus the retention period
     */
    public record Scheduled(String householdId, String municipalityId, String reference, LocalDate termEnd,
                            LocalDate eraseOn) {
    }

    /** The retention period in months. */
    public int months() {
        return months;
    }

    /** Today in Europe/Amsterdam. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The erasure date of one household, if the rule gives it one. */
    public Optional<Scheduled> of(String householdId) {
        return scheduled("h.id = ?", householdId).stream().findFirst();
    }

    /** The households of a municipality (every one when null) with an erasure date on or before {@code day}, soonest first. */
    public List<Scheduled> dueBy(@Nullable String municipalityId, LocalDate day) {
        List<Scheduled> all = municipalityId == null ? scheduled("1 = 1") : scheduled("h.municipality_id = ?", municipalityId);
        return all.stream().filter(entry -> !entry.eraseOn().isAfter(day))
                .sorted(Comparator.comparing(Scheduled::eraseOn).thenComparing(Scheduled::reference))
                .toList();
    }

    private List<Scheduled> scheduled(String condition, Object... parameters) {
        List<Object[]> plans = transactions.executeRead(status -> Sql.query(status.getConnection(),
                "SELECT h.id, h.municipality_id, h.reference, p.established_on,"
                        + " (SELECT COALESCE(SUM(e.months), 0) FROM integration_plan_extension e WHERE e.plan_id = p.id)"
                        + " FROM household h JOIN integration_plan p ON p.household_id = h.id"
                        + " WHERE h.erased_at IS NULL AND " + condition,
                rows -> new Object[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getInt(5)},
                parameters));
        Map<String, Object[]> latest = new LinkedHashMap<>();
        List<String> drafts = new ArrayList<>();
        for (Object[] plan : plans) {
            String household = (String) plan[0];
            if (plan[3] == null) {
                drafts.add(household);
                continue;
            }
            LocalDate deadline = Term.of(LocalDate.parse((String) plan[3]), (Integer) plan[4], false, today()).deadline();
            Object[] known = latest.get(household);
            if (known == null || deadline.isAfter((LocalDate) known[3])) {
                latest.put(household, new Object[] {plan[0], plan[1], plan[2], deadline});
            }
        }
        List<Scheduled> result = new ArrayList<>();
        for (Object[] entry : latest.values()) {
            if (!drafts.contains((String) entry[0])) {
                LocalDate termEnd = (LocalDate) entry[3];
                result.add(new Scheduled((String) entry[0], (String) entry[1], (String) entry[2], termEnd,
                        termEnd.plusDays(1).plusMonths(months)));
            }
        }
        return result;
    }
}
