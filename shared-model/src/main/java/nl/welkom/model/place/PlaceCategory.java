package nl.welkom.model.place;

/** What kind of place a {@link Place} is; the order is the order a phone lists them in. */
public enum PlaceCategory {
    TOWN_HALL,
    GP_PRACTICE,
    PHARMACY,
    EMERGENCY_DEPARTMENT,
    SCHOOL,
    LANGUAGE_SCHOOL,
    LIBRARY,
    SUPPORT_OFFICE
}
