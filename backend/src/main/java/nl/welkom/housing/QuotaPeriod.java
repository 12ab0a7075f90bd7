package nl.welkom.housing;

import java.time.LocalDate;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A municipality's taakstelling for one period: how many persons (not households) it must house.
 *
 * @param label         what the period is called, e.g. {@code 2027-1} (unique per municipality)
 * @param startsOn      first day, ISO date
 * @param endsOn        last day (inclusive), ISO date
 * @param targetPersons the number of persons to house, above 0
 */
@MappedEntity("quota_period")
record QuotaPeriod(
        @Id String id,
        String municipalityId,
        String label,
        String startsOn,
        String endsOn,
        int targetPersons,
        long createdAt,
        long updatedAt) {

    LocalDate start() {
        return LocalDate.parse(startsOn);
    }

    LocalDate end() {
        return LocalDate.parse(endsOn);
    }
}
