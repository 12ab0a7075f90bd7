package nl.welkom.housing;

import java.time.LocalDate;
import java.util.List;

/**
 * How far a municipality's quota periods are filled today, counts only (for reports): see
 * {@link HousingQuota#fill(String)}. The taakstelling counts persons; households are given beside them.
 *
 * @param today   the day the counts hold for, in the dashboard's time zone
 * @param periods the municipality's periods, earliest first
 */
public record QuotaFill(String municipalityId, LocalDate today, List<PeriodFill> periods) {

    /**
     * One period.
     *
     * @param label            e.g. {@code 2027-1}
     * @param startsOn         first day
     * @param endsOn           last day, inclusive
     * @param targetPersons    the taakstelling in persons
     * @param linkedHouseholds households counted towards the period
     * @param linkedPersons    persons in them
     * @param housedHouseholds linked households housed (accepted offer, moved in by today and by the period's end)
     * @param housedPersons    persons in them
     * @param fillPercent      housed persons of the target, rounded half up; may exceed 100
     * @param behind           under target and ending within six weeks
     */
    public record PeriodFill(String label, LocalDate startsOn, LocalDate endsOn, int targetPersons,
                             int linkedHouseholds, int linkedPersons, int housedHouseholds, int housedPersons,
                             int fillPercent, boolean behind) {
    }
}
