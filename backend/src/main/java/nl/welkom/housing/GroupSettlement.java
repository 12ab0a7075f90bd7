package nl.welkom.housing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.dashboard.Display;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;

/**
 * Group settlement (groepsgewijze vestiging): for a household being placed, the other households of
 * the same municipality with the same nationality and the same camp of origin, already there or on
 * their way, each with the reason in words. The camp is compared by its name — the text before the
 * first comma ({@code "Shimelba, Ethiopia"} → {@code shimelba}), ignoring case and extra spaces — so
 * that {@code Shimelba} and {@code Shimelba, Ethiopia} match. A household without a nationality or
 * camp gets no suggestions. Only ever the household's own municipality.
 */
@Singleton
class GroupSettlement {
    private final HouseholdFactsRepository facts;
    private final HousingOfferRepository offers;
    private final HouseholdScope scope;
    private final AuditLog audit;
    private final MessageSource messages;

    GroupSettlement(HouseholdFactsRepository facts, HousingOfferRepository offers, HouseholdScope scope,
                    AuditLog audit, MessageSource messages) {
        this.facts = facts;
        this.offers = offers;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
    }

    /** Suggestions for one household in the officer's scope, earliest arrival first; audited. */
    @Transactional
    List<Suggestion> suggestions(Caller officer, String householdId, Display display) {
        HousingQuota.requireOfficer(officer);
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        List<Suggestion> result = List.of();
        if (household.nationality() != null && campKey(household.campOfOrigin()) != null) {
            List<HouseholdFacts> sameNationality = facts.findByNationality(household.municipalityId(),
                    household.nationality());
            result = suggestions(household.id(), household.nationality(), household.campOfOrigin(), sameNationality,
                    accepted(household.municipalityId()), display);
        }
        audit.record(officer, HousingAudit.GROUP_SUGGESTIONS_READ, household.id());
        return result;
    }

    /**
     * Suggestions for each of {@code subjects} among {@code candidates} (the officer's households,
     * already read under scope): for the period page, without further queries per household. Each
     * subject's suggestions are audited as read.
     */
    @Transactional
    Map<String, List<Suggestion>> suggestionsFor(Caller officer, List<HouseholdFacts> subjects,
                                                 List<HouseholdFacts> candidates, Display display) {
        HousingQuota.requireOfficer(officer);
        if (subjects.isEmpty()) {
            return Map.of();
        }
        Map<String, HousingOffer> accepted = accepted(officer.municipalityId());
        Map<String, List<Suggestion>> result = new HashMap<>();
        for (HouseholdFacts subject : subjects) {
            result.put(subject.id(), subject.nationality() == null ? List.of()
                    : suggestions(subject.id(), subject.nationality(), subject.campOfOrigin(), candidates, accepted,
                    display));
            audit.record(officer, HousingAudit.GROUP_SUGGESTIONS_READ, subject.id());
        }
        return result;
    }

    private List<Suggestion> suggestions(String subjectId, String nationality, @Nullable String camp,
                                         List<HouseholdFacts> candidates, Map<String, HousingOffer> accepted,
                                         Display display) {
        String key = campKey(camp);
        if (key == null) {
            return List.of();
        }
        // The camp named as the household being placed has it recorded.
        String campShown = campName(camp);
        List<Suggestion> result = new ArrayList<>();
        for (HouseholdFacts candidate : candidates) {
            if (candidate.id().equals(subjectId) || !nationality.equalsIgnoreCase(Objects.toString(candidate.nationality(), ""))
                    || !key.equals(campKey(candidate.campOfOrigin()))) {
                continue;
            }
            result.add(new Suggestion(candidate, accepted.get(candidate.id()),
                    reason(nationality, campShown, candidate, display)));
        }
        result.sort(Comparator.comparing((Suggestion s) -> s.household().arrival(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(s -> s.household().reference()));
        return result;
    }

    private String reason(String nationality, String camp, HouseholdFacts candidate, Display display) {
        LocalDate arrival = candidate.arrival();
        String key = arrival == null ? "housing.suggestion.reason.unknown"
                : candidate.arrived() ? "housing.suggestion.reason.arrived" : "housing.suggestion.reason.expected";
        Locale locale = display.locale();
        return messages.getMessage(key, locale, display.country(nationality), camp, display.date(arrival))
                .orElse(key);
    }

    private Map<String, HousingOffer> accepted(String municipalityId) {
        Map<String, HousingOffer> result = new HashMap<>();
        offers.findAcceptedInMunicipality(municipalityId).forEach(offer -> result.put(offer.householdId(), offer));
        return result;
    }

    /** The camp's name as compared: before the first comma, lower case, single spaces; null when none. */
    @Nullable
    static String campKey(@Nullable String camp) {
        String name = campName(camp);
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    /** The camp's name as shown: {@code "Shimelba, Ethiopia"} → {@code Shimelba}; null when none. */
    @Nullable
    static String campName(@Nullable String camp) {
        if (camp == null) {
            return null;
        }
        int comma = camp.indexOf(',');
        String name = (comma < 0 ? camp : camp.substring(0, comma)).trim().replaceAll("\\s+", " ");
        return name.isEmpty() ? null : name;
    }

    /**
     * A household to settle near the one being placed.
     *
     * @param accepted its accepted offer (where it lives or will live), or null
     * @param reason   why, in the viewer's language
     */
    record Suggestion(HouseholdFacts household, @Nullable HousingOffer accepted, String reason) {
    }
}
