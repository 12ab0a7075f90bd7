package nl.welkom.integration;

/**
 * A component of the plan. Every route has the language part (the exam, the taalschakeltraject or
 * the Z-route programme), KNM and the participatieverklaringstraject; the MAP belongs to the B1-route
 * and the Z-route only.
 */
public enum Component {
    /** The route's language part. */
    LANGUAGE,
    /** Kennis van de Nederlandse Maatschappij. */
    KNM,
    /** Module Arbeidsmarkt en Participatie. */
    MAP,
    /** Participatieverklaringstraject, ending with signing the participatieverklaring. */
    PVT;

    /** Whether the law asks for this component in {@code route}. */
    public boolean appliesIn(Route route) {
        return this != MAP || route != Route.ONDERWIJS;
    }
}
