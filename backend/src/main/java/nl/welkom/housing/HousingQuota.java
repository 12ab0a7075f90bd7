package nl.welkom.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * The municipality's quota (taakstelling) per period: periods, the households counted towards them,
 * and how far each is filled ({@link QuotaRules}). Everything here is for officers of the period's
 * municipality; a period or household of another municipality is answered 404. {@link #fill(String)}
 * is the counts-only view for reports.
 */
@Singleton
public class HousingQuota {
    private final QuotaPeriodRepository periods;
    private final QuotaLinkRepository links;
    private final HousingOfferRepository offers;
    private final HouseholdFactsRepository facts;
    private final HouseholdScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final QuotaRules rules;

    HousingQuota(QuotaPeriodRepository periods, QuotaLinkRepository links, HousingOfferRepository offers,
                 HouseholdFactsRepository facts, HouseholdScope scope, AuditLog audit, Clock clock,
                 HousingProperties properties,
                 @Value("${welkom.dashboard.time-zone:Europe/Amsterdam}") ZoneId zone) {
        this.periods = periods;
        this.links = links;
        this.offers = offers;
        this.facts = facts;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.rules = new QuotaRules(properties);
    }

    /**
     * Each period of the municipality with its counts today, earliest first: for reports, which
     * hold counts only. Households that moved to another municipality no longer count.
     */
    @Transactional
    public QuotaFill fill(String municipalityId) {
        LocalDate today = today();
        List<QuotaFill.PeriodFill> result = states(municipalityId, facts.findInMunicipality(municipalityId), today)
                .stream()
                .map(state -> new QuotaFill.PeriodFill(state.period().label(), state.period().start(),
                        state.period().end(), state.period().targetPersons(), state.linkedHouseholds(),
                        state.linkedPersons(), state.housedHouseholds(), state.housedPersons(), state.fillPercent(),
                        state.behind()))
                .toList();
        return new QuotaFill(municipalityId, today, result);
    }

    /** Today in the dashboard's time zone: what "housed" and "late" are measured against. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Every period of the officer's municipality as it stands today, earliest first; audited as a list read. */
    @Transactional
    List<PeriodState> board(Caller officer) {
        requireOfficer(officer);
        List<PeriodState> states = states(officer.municipalityId(), visibleFacts(officer), today());
        audit.record(officer, HousingAudit.QUOTA_READ, null);
        return states;
    }

    /** One period of the officer's municipality as it stands today; audited as a list read. @throws ProblemException 404 */
    @Transactional
    PeriodState period(Caller officer, String periodId) {
        QuotaPeriod period = requirePeriod(officer, periodId);
        List<HouseholdFacts> visible = visibleFacts(officer);
        PeriodState state = state(period, visible, accepted(officer.municipalityId()), today());
        audit.record(officer, HousingAudit.QUOTA_READ, null);
        return state;
    }

    /** The officer's households as housing sees them, by reference (candidates for group settlement). */
    @Transactional
    List<HouseholdFacts> households(Caller officer) {
        requireOfficer(officer);
        return visibleFacts(officer);
    }

    /** The officer's households that count towards no period yet, by reference: what can be linked. */
    @Transactional
    List<HouseholdFacts> unlinked(Caller officer) {
        requireOfficer(officer);
        List<HouseholdFacts> visible = visibleFacts(officer);
        Set<String> linked = new HashSet<>();
        List<QuotaPeriod> own = periods.findByMunicipalityIdOrderByStartsOn(officer.municipalityId());
        if (!own.isEmpty()) {
            links.findByPeriodIdIn(own.stream().map(QuotaPeriod::id).toList())
                    .forEach(link -> linked.add(link.householdId()));
        }
        return visible.stream().filter(household -> !linked.contains(household.id())).toList();
    }

    /** The period the household counts towards, if any (the household must be in scope). */
    @Transactional
    Optional<QuotaPeriod> periodOf(Caller officer, String householdId) {
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        return links.findByHouseholdId(household.id())
                .flatMap(link -> periods.findById(link.periodId()))
                .filter(period -> period.municipalityId().equals(household.municipalityId()));
    }

    /** Creates a period. @throws InvalidInput a label in use or dates that overlap another period */
    @Transactional
    QuotaPeriod create(Caller officer, PeriodValues values) {
        requireOfficer(officer);
        checkFree(officer.municipalityId(), values, null);
        long now = clock.millis();
        return periods.save(new QuotaPeriod(UUID.randomUUID().toString(), officer.municipalityId(), values.label(),
                values.startsOn().toString(), values.endsOn().toString(), values.targetPersons(), now, now));
    }

    /** Changes a period's label, dates or target. @throws ProblemException 404; @throws InvalidInput as for create */
    @Transactional
    QuotaPeriod update(Caller officer, String periodId, PeriodValues values) {
        QuotaPeriod period = requirePeriod(officer, periodId);
        checkFree(officer.municipalityId(), values, period.id());
        return periods.update(new QuotaPeriod(period.id(), period.municipalityId(), values.label(),
                values.startsOn().toString(), values.endsOn().toString(), values.targetPersons(), period.createdAt(),
                clock.millis()));
    }

    /** Removes a period no household is linked to. @throws ProblemException 404; @throws InvalidInput while linked */
    @Transactional
    void delete(Caller officer, String periodId) {
        QuotaPeriod period = requirePeriod(officer, periodId);
        if (links.countByPeriodId(period.id()) > 0) {
            throw InvalidInput.of("period", "housing.error.period.inUse");
        }
        periods.delete(period);
    }

    /**
     * Counts the household towards the period; linking it again to the same period changes nothing.
     *
     * @return true when the link is new
     * @throws ProblemException 404 for a period or household out of scope
     * @throws InvalidInput     when the household counts towards another period
     */
    @Transactional
    boolean link(Caller officer, String periodId, String householdId) {
        QuotaPeriod period = requirePeriod(officer, periodId);
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        Optional<QuotaLink> existing = links.findByHouseholdId(household.id());
        if (existing.isPresent() && existing.get().periodId().equals(period.id())) {
            return false;
        }
        if (existing.isPresent()) {
            String other = periods.findById(existing.get().periodId()).map(QuotaPeriod::label).orElse("?");
            throw InvalidInput.of("householdId", "housing.error.link.elsewhere", other);
        }
        links.save(new QuotaLink(UUID.randomUUID().toString(), period.id(), household.id(), clock.millis(),
                officer.userId()));
        audit.record(officer, HousingAudit.QUOTA_LINK, household.id());
        return true;
    }

    /** Stops counting the household towards the period. @throws ProblemException 404 when it is not linked there */
    @Transactional
    void unlink(Caller officer, String periodId, String householdId) {
        QuotaPeriod period = requirePeriod(officer, periodId);
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        QuotaLink link = links.findByHouseholdId(household.id())
                .filter(found -> found.periodId().equals(period.id()))
                .orElseThrow(ProblemException::notFound);
        links.delete(link);
        audit.record(officer, HousingAudit.QUOTA_UNLINK, household.id());
    }

    private List<PeriodState> states(String municipalityId, List<HouseholdFacts> households, LocalDate today) {
        List<QuotaPeriod> own = periods.findByMunicipalityIdOrderByStartsOn(municipalityId);
        if (own.isEmpty()) {
            return List.of();
        }
        Map<String, HouseholdFacts> byId = households.stream()
                .collect(Collectors.toMap(HouseholdFacts::id, Function.identity()));
        Map<String, List<HouseholdFacts>> linked = new HashMap<>();
        for (QuotaLink link : links.findByPeriodIdIn(own.stream().map(QuotaPeriod::id).toList())) {
            HouseholdFacts household = byId.get(link.householdId());
            if (household != null) {
                linked.computeIfAbsent(link.periodId(), id -> new ArrayList<>()).add(household);
            }
        }
        Map<String, HousingOffer> accepted = accepted(municipalityId);
        List<PeriodState> result = new ArrayList<>();
        for (QuotaPeriod period : own) {
            List<HouseholdFacts> members = linked.getOrDefault(period.id(), List.of());
            result.add(rules.state(period, sorted(members), accepted, today));
        }
        return result;
    }

    private PeriodState state(QuotaPeriod period, List<HouseholdFacts> visible, Map<String, HousingOffer> accepted,
                              LocalDate today) {
        Set<String> linked = links.findByPeriodId(period.id()).stream().map(QuotaLink::householdId)
                .collect(Collectors.toSet());
        List<HouseholdFacts> members = visible.stream().filter(household -> linked.contains(household.id())).toList();
        return rules.state(period, sorted(members), accepted, today);
    }

    private static List<HouseholdFacts> sorted(List<HouseholdFacts> households) {
        return households.stream().sorted((a, b) -> a.reference().compareTo(b.reference())).toList();
    }

    private Map<String, HousingOffer> accepted(String municipalityId) {
        Map<String, HousingOffer> result = new HashMap<>();
        offers.findAcceptedInMunicipality(municipalityId).forEach(offer -> result.put(offer.householdId(), offer));
        return result;
    }

    /** The officer's municipality's households as housing sees them, limited to what the scope lets the officer see. */
    private List<HouseholdFacts> visibleFacts(Caller officer) {
        Set<String> visible = new HashSet<>(scope.visibleHouseholdIds(officer));
        return facts.findInMunicipality(officer.municipalityId()).stream()
                .filter(household -> visible.contains(household.id()))
                .toList();
    }

    private QuotaPeriod requirePeriod(Caller officer, String periodId) {
        requireOfficer(officer);
        return periods.findById(periodId)
                .filter(period -> period.municipalityId().equals(officer.municipalityId()))
                .orElseThrow(ProblemException::notFound);
    }

    private void checkFree(String municipalityId, PeriodValues values, @Nullable String exceptId) {
        for (QuotaPeriod other : periods.findByMunicipalityIdOrderByStartsOn(municipalityId)) {
            if (Objects.equals(other.id(), exceptId)) {
                continue;
            }
            if (other.label().equalsIgnoreCase(values.label())) {
                throw InvalidInput.of("label", "housing.error.label.taken");
            }
            if (values.overlaps(other)) {
                throw InvalidInput.of("endsOn", "housing.error.period.overlap", other.label());
            }
        }
    }

    /** Quota data is for officers; the controllers admit no one else, this keeps it so for any new caller. */
    static void requireOfficer(Caller caller) {
        if (caller.role() != Role.OFFICER || caller.municipalityId() == null) {
            throw ProblemException.notFound();
        }
    }
}
