package nl.welkom.model.household;

/** How a household reaches its municipality after landing: both paths exist in practice. */
public enum ArrivalPath {
    /** First to a reception centre (AZC), later to the municipality. */
    RECEPTION_CENTRE,
    /** Straight from the airport to a house in the municipality. */
    DIRECT
}
