package nl.welkom.model.appointment;

/** The family's answer to an appointment, given on the phone (offline) and pushed with the next sync. */
public enum AppointmentAnswer {
    /** Not answered yet. */
    NONE,
    /** "I will come." */
    CONFIRMED,
    /** "Please move it" (with a note saying when suits them). */
    ASK_TO_MOVE,
    /** "I cannot come." */
    CANNOT_COME
}
