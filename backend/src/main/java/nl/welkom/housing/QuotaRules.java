package nl.welkom.housing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;

/**
 * The rules of the quota, on plain values so that they can be checked against any "today":
 * <ul>
 *   <li><b>housed</b>: a household linked to a period counts as housed when it has an accepted offer
 *       whose move-in date is on or before today and on or before the period's last day; a move-in
 *       after the period ended counts for no period (link the household to the next one);</li>
 *   <li><b>fill</b>: housed persons of the target, in whole percent rounded half up ({@code 14 of 22
 *       → 64%}); persons are the household's registered members;</li>
 *   <li><b>late household</b>: linked, no accepted offer, and it arrived or is expected on or before
 *       today plus {@code arrivalWarningDays}; a household with neither date known is not late;</li>
 *   <li><b>late period</b>: under target and ending between today and today plus
 *       {@code periodWarningDays}, both inclusive.</li>
 * </ul>
 */
final class QuotaRules {
    private final int arrivalWarningDays;
    private final int periodWarningDays;

    QuotaRules(int arrivalWarningDays, int periodWarningDays) {
        this.arrivalWarningDays = arrivalWarningDays;
        this.periodWarningDays = periodWarningDays;
    }

    QuotaRules(HousingProperties properties) {
        this(properties.arrivalWarningDays(), properties.periodWarningDays());
    }

    boolean housed(@Nullable HousingOffer accepted, LocalDate periodEnd, LocalDate today) {
        if (accepted == null || accepted.status() != OfferStatus.ACCEPTED) {
            return false;
        }
        LocalDate moveIn = Dates.parseOrNull(accepted.moveInOn());
        return moveIn != null && !moveIn.isAfter(today) && !moveIn.isAfter(periodEnd);
    }

    boolean late(HouseholdFacts household, @Nullable HousingOffer accepted, LocalDate today) {
        LocalDate arrival = household.arrival();
        return accepted == null && arrival != null && !arrival.isAfter(today.plusDays(arrivalWarningDays));
    }

    boolean behind(LocalDate periodEnd, int housedPersons, int targetPersons, LocalDate today) {
        return housedPersons < targetPersons && !periodEnd.isBefore(today)
                && !periodEnd.isAfter(today.plusDays(periodWarningDays));
    }

    /** {@code part} of {@code whole} in whole percent, rounded half up; 0 for an empty whole. */
    static int percent(int part, int whole) {
        if (whole <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).intValueExact();
    }

    /**
     * The state of {@code period} today.
     *
     * @param linked   the households linked to it that are in its municipality
     * @param accepted the accepted offer per household id
     */
    PeriodState state(QuotaPeriod period, List<HouseholdFacts> linked, Map<String, HousingOffer> accepted,
                      LocalDate today) {
        LocalDate end = period.end();
        List<PeriodState.Linked> households = new ArrayList<>();
        int linkedPersons = 0;
        int housedPersons = 0;
        int housedHouseholds = 0;
        for (HouseholdFacts household : linked) {
            HousingOffer offer = accepted.get(household.id());
            boolean housed = housed(offer, end, today);
            linkedPersons += household.persons();
            if (housed) {
                housedPersons += household.persons();
                housedHouseholds++;
            }
            households.add(new PeriodState.Linked(household, offer, housed, late(household, offer, today)));
        }
        PeriodState.Phase phase = today.isBefore(period.start()) ? PeriodState.Phase.UPCOMING
                : today.isAfter(end) ? PeriodState.Phase.PAST : PeriodState.Phase.CURRENT;
        return new PeriodState(period, List.copyOf(households), linkedPersons, housedHouseholds, housedPersons,
                percent(housedPersons, period.targetPersons()),
                behind(end, housedPersons, period.targetPersons(), today), phase);
    }
}
