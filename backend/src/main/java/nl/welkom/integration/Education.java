package nl.welkom.integration;

/** The highest education a member completed, as noted at the broad intake. */
public enum Education {
    NONE,
    PRIMARY,
    SECONDARY,
    VOCATIONAL,
    HIGHER,
    UNKNOWN
}
