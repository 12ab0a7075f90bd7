package nl.welkom.integration;

/** Where a component of the plan stands. */
public enum ComponentStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    /** Only for a component the route does not ask for ({@link Component#appliesIn}). */
    NOT_APPLICABLE;

    /** Done, or not asked for: nothing left to do. */
    boolean finished() {
        return this == DONE || this == NOT_APPLICABLE;
    }
}
