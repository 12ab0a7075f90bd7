package nl.welkom.model.journey;

/** The stages of a resettled household's journey, in order (PRODUCT.md, "The journey it models"). */
public enum JourneyStage {
    SELECTED,
    PRE_DEPARTURE,
    TRAVEL,
    ARRIVAL,
    HOUSING_AND_REGISTRATION,
    CIVIC_INTEGRATION,
    SETTLED
}
