package nl.welkom.housing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A house offered to a household.
 *
 * @param postcode      Dutch postcode as {@code 1234 AB}
 * @param offeredOn     ISO date of the offer
 * @param rooms         number of rooms, when known
 * @param declineReason only with {@link OfferStatus#DECLINED}
 * @param note          free text: why it was declined or withdrawn, or anything else worth knowing
 * @param moveInOn      ISO date the household moves or moved in; never with DECLINED or WITHDRAWN
 */
@MappedEntity("housing_offer")
record HousingOffer(
        @Id String id,
        String householdId,
        String street,
        String houseNumber,
        String postcode,
        String city,
        String offeredOn,
        @Nullable Integer rooms,
        OfferStatus status,
        @Nullable DeclineReason declineReason,
        @Nullable String note,
        @Nullable String moveInOn,
        long createdAt,
        String createdBy,
        long updatedAt,
        String updatedBy) {
}
