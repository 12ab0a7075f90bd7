package nl.welkom.household;

import io.micronaut.serde.annotation.Serdeable;

/**
 * How a household was selected for resettlement (PRODUCT.md, "Selected"): an officer's fact, never
 * on the wire to a buddy or a phone.
 */
@Serdeable
public enum SelectionRoute {
    /** Selected from a UNHCR dossier, without an interview by the Netherlands. */
    DOSSIER,
    /** Interviewed and selected during a Dutch selection mission. */
    SELECTION_MISSION
}
