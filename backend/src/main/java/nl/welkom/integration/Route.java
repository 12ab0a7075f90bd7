package nl.welkom.integration;

/**
 * The learning route (leerroute) of a personal integration plan under the Wet inburgering 2021.
 * The municipality chooses it with the newcomer after the broad intake.
 */
public enum Route {
    /** B1-route: the Dutch language exam at B1 (or A2 after considerable effort), KNM, MAP and PVT. */
    B1,
    /** Onderwijsroute: a taalschakeltraject towards further education; no MAP (study-career guidance instead). */
    ONDERWIJS,
    /** Zelfredzaamheidsroute (Z-route): 1,600 hours of language and self-reliance; KNM, MAP and PVT. */
    Z
}
