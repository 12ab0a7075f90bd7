package nl.welkom.household;

import io.micronaut.serde.annotation.Serdeable;

/** What kind of special need an officer records for a household or one of its members ({@link SpecialNeed}). */
@Serdeable
public enum SpecialNeedKind {
    MEDICAL,
    TRAUMA,
    DISABILITY,
    UNACCOMPANIED_MINOR,
    SINGLE_PARENT,
    PREGNANCY,
    ELDERLY,
    OTHER
}
