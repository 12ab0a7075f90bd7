package nl.welkom.housing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.problem.ProblemException;

/**
 * Housing offers of a household, for officers of its municipality. Every read and write is audited
 * with the household's id; an offer of another household is answered 404, like one that does not exist.
 */
@Singleton
class HousingOffers {
    private final HousingOfferRepository offers;
    private final HouseholdScope scope;
    private final AuditLog audit;
    private final Clock clock;

    HousingOffers(HousingOfferRepository offers, HouseholdScope scope, AuditLog audit, Clock clock) {
        this.offers = offers;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's offers, newest first. @throws ProblemException 404 out of scope */
    @Transactional
    List<HousingOffer> list(Caller officer, String householdId) {
        HouseholdEntity household = visible(officer, householdId);
        List<HousingOffer> result = offers.findNewestFirst(household.id());
        audit.record(officer, HousingAudit.OFFER_LIST, household.id());
        return result;
    }

    /** One offer of the household. @throws ProblemException 404 */
    @Transactional
    HousingOffer get(Caller officer, String householdId, String offerId) {
        HouseholdEntity household = visible(officer, householdId);
        HousingOffer offer = offerOf(household, offerId);
        audit.record(officer, HousingAudit.OFFER_READ, household.id());
        return offer;
    }

    /**
     * Records a new offer.
     *
     * @throws ProblemException 404 out of scope
     * @throws InvalidInput     when it is accepted while another offer of the household is accepted
     */
    @Transactional
    HousingOffer create(Caller officer, String householdId, OfferValues values) {
        HouseholdEntity household = visible(officer, householdId);
        checkOneAccepted(household, values, null);
        long now = clock.millis();
        HousingOffer offer = offers.save(entity(UUID.randomUUID().toString(), household.id(), values, now,
                officer.userId(), now, officer.userId()));
        audit.record(officer, HousingAudit.OFFER_CREATE, household.id());
        return offer;
    }

    /** Replaces an offer's fields. @throws ProblemException 404; @throws InvalidInput as for create */
    @Transactional
    HousingOffer update(Caller officer, String householdId, String offerId, OfferValues values) {
        HouseholdEntity household = visible(officer, householdId);
        HousingOffer current = offerOf(household, offerId);
        checkOneAccepted(household, values, current.id());
        HousingOffer offer = offers.update(entity(current.id(), household.id(), values, current.createdAt(),
                current.createdBy(), clock.millis(), officer.userId()));
        audit.record(officer, HousingAudit.OFFER_UPDATE, household.id());
        return offer;
    }

    private HouseholdEntity visible(Caller officer, String householdId) {
        HousingQuota.requireOfficer(officer);
        return scope.requireVisible(officer, householdId);
    }

    private HousingOffer offerOf(HouseholdEntity household, String offerId) {
        return offers.findById(offerId)
                .filter(offer -> offer.householdId().equals(household.id()))
                .orElseThrow(ProblemException::notFound);
    }

    private void checkOneAccepted(HouseholdEntity household, OfferValues values, @Nullable String exceptId) {
        if (values.status() != OfferStatus.ACCEPTED) {
            return;
        }
        boolean another = offers.findNewestFirst(household.id()).stream()
                .anyMatch(offer -> offer.status() == OfferStatus.ACCEPTED && !offer.id().equals(exceptId));
        if (another) {
            throw InvalidInput.of("status", "housing.error.status.acceptedExists");
        }
    }

    private static HousingOffer entity(String id, String householdId, OfferValues values, long createdAt,
                                       String createdBy, long updatedAt, String updatedBy) {
        return new HousingOffer(id, householdId, values.street(), values.houseNumber(), values.postcode(),
                values.city(), values.offeredOn().toString(), values.rooms(), values.status(), values.declineReason(),
                values.note(), values.moveInOn() == null ? null : values.moveInOn().toString(), createdAt, createdBy,
                updatedAt, updatedBy);
    }
}
