package nl.welkom.housing;

import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.dashboard.Display;

/**
 * What housing's templates show, already in the viewer's language where it is data (dates, country
 * names). Public, like its records, only because the template engine reads them by reflection.
 */
public final class HousingView {
    private HousingView() {
    }

    /**
     * A quota period as a row or a page heading.
     *
     * @param barPercent     the fill as drawn: 0 to 100
     * @param missingPersons persons still to house to reach the target (0 when reached)
     */
    public record PeriodRow(String id, String label, String startsOn, String endsOn, String phase, int target,
                            int linkedHouseholds, int linkedPersons, int housedHouseholds, int housedPersons,
                            int fillPercent, int barPercent, boolean behind, int missingPersons) {
        static PeriodRow of(PeriodState state, Display display) {
            QuotaPeriod period = state.period();
            return new PeriodRow(period.id(), period.label(), display.date(period.start()), display.date(period.end()),
                    state.phase().name(), period.targetPersons(), state.linkedHouseholds(), state.linkedPersons(),
                    state.housedHouseholds(), state.housedPersons(), state.fillPercent(),
                    Math.min(100, Math.max(0, state.fillPercent())), state.behind(),
                    Math.max(0, period.targetPersons() - state.housedPersons()));
        }
    }

    /**
     * When a household arrived or is expected.
     *
     * @param kind {@code arrived}, {@code expected} or {@code unknown}
     * @param date the date in words, or null when unknown
     */
    public record Arrival(String kind, @Nullable String date) {
        static Arrival of(HouseholdFacts household, Display display) {
            LocalDate arrival = household.arrival();
            if (arrival == null) {
                return new Arrival("unknown", null);
            }
            return new Arrival(household.arrived() ? "arrived" : "expected", display.date(arrival));
        }
    }

    /**
     * A household linked to a period.
     *
     * @param accepted    the accepted offer's address, or null
     * @param moveIn      its move-in date in words, or null
     * @param suggestions group-settlement suggestions (only for a household without an accepted offer)
     */
    public record LinkedRow(String id, String reference, String displayName, int persons, Arrival arrival,
                            boolean housed, boolean late, @Nullable String accepted, @Nullable String moveIn,
                            List<SuggestionRow> suggestions) {
        static LinkedRow of(PeriodState.Linked linked, List<SuggestionRow> suggestions, Display display) {
            HouseholdFacts household = linked.household();
            HousingOffer offer = linked.accepted();
            return new LinkedRow(household.id(), household.reference(), household.displayName(), household.persons(),
                    Arrival.of(household, display), linked.housed(), linked.late(),
                    offer == null ? null : HousingView.address(offer),
                    offer == null ? null : display.isoDate(offer.moveInOn()), suggestions);
        }
    }

    /** A late household on the overview, with the period it counts towards. */
    public record LateRow(String id, String reference, String displayName, String periodLabel, Arrival arrival) {
    }

    /** A housing offer on the household page. */
    public record OfferRow(String id, String address, String offeredOn, @Nullable Integer rooms, String status,
                           @Nullable String declineReason, @Nullable String note, @Nullable String moveIn) {
        static OfferRow of(HousingOffer offer, Display display) {
            return new OfferRow(offer.id(), HousingView.address(offer), display.isoDate(offer.offeredOn()), offer.rooms(),
                    offer.status().name(), offer.declineReason() == null ? null : offer.declineReason().name(),
                    offer.note(), display.isoDate(offer.moveInOn()));
        }
    }

    /**
     * A household to settle near another.
     *
     * @param reason  why, in words
     * @param housing where it lives or will live, or null
     */
    public record SuggestionRow(String id, String reference, String displayName, int persons, String reason,
                                @Nullable String housing) {
        static SuggestionRow of(GroupSettlement.Suggestion suggestion) {
            HouseholdFacts household = suggestion.household();
            return new SuggestionRow(household.id(), household.reference(), household.displayName(),
                    household.persons(), suggestion.reason(),
                    suggestion.accepted() == null ? null : HousingView.address(suggestion.accepted()));
        }
    }

    /** A household to choose in the link form. */
    public record Choice(String id, String label) {
    }

    /** A field's error beside it and in the summary at the top of the form. */
    public record FieldMessage(String field, String message) {
    }

    /** {@code Dobbestraat 14, 8012 AB Zwolle}. */
    static String address(HousingOffer offer) {
        return offer.street() + " " + offer.houseNumber() + ", " + offer.postcode() + " " + offer.city();
    }
}
