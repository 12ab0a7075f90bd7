package nl.welkom.housing;

/** Where a housing offer stands. */
public enum OfferStatus {
    /** Offered; the household has not answered yet. */
    OFFERED,
    /** Accepted: the household moves (or moved) in on the offer's move-in date. At most one per household. */
    ACCEPTED,
    /** Declined by the household, always with a {@link DeclineReason}. */
    DECLINED,
    /** Withdrawn by the housing corporation or the municipality. */
    WITHDRAWN
}
