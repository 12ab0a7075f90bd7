package nl.welkom.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.micronaut.core.annotation.Nullable;

/**
 * What a report counts over: one municipality's households (an officer's) or all of them (national
 * counts for an administrator), a period, and today's date in the dashboard's time zone.
 *
 * @param municipalityId the municipality whose households are counted; null for all municipalities
 * @param period         the period filter; {@link #from()} is its first day
 * @param today          today in {@code zone}: the last day counted, and what "overdue" is measured against
 * @param zone           the dashboard's time zone, for instants stored as epoch milliseconds
 */
public record ReportQuery(@Nullable String municipalityId, ReportPeriod period, LocalDate today, ZoneId zone) {

    /** True when the counts cover every municipality. */
    public boolean national() {
        return municipalityId == null;
    }

    /** The first day counted, or null when the period has no start. */
    @Nullable
    public LocalDate from() {
        return period.from(today);
    }

    /** The first instant counted in epoch milliseconds (the start of {@link #from()} in the zone); 0 without a start. */
    public long fromEpochMillis() {
        LocalDate from = from();
        return from == null ? 0L : from.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * The condition that keeps a query to the households in scope, for a household table aliased
     * {@code alias}: {@code " AND h.erased_at IS NULL AND h.municipality_id = ?"}, or only the first
     * part for national counts (an erased household's tombstone counts nowhere, docs/gdpr.md). Bind
     * {@link #parameters(Object...)} in the same order.
     */
    public String scopeCondition(String alias) {
        String live = " AND " + alias + ".erased_at IS NULL"; // an erased household's tombstone counts nowhere
        return national() ? live : live + " AND " + alias + ".municipality_id = ?";
    }

    /**
     * The same rule for a table that is not {@code household} but has a {@code municipality_id}
     * (volunteers): {@code " AND v.municipality_id = ?"} or nothing; same parameters.
     */
    public String municipalityCondition(String alias) {
        return national() ? "" : " AND " + alias + ".municipality_id = ?";
    }

    /** {@code leading} followed by the parameter of {@link #scopeCondition(String)}, if any. */
    public Object[] parameters(Object... leading) {
        List<Object> all = new ArrayList<>(Arrays.asList(leading));
        if (!national()) {
            all.add(municipalityId);
        }
        return all.toArray();
    }
}
