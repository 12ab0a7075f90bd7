package nl.welkom.model.appointment;

/** What an appointment is for; the phone words it in the reader's language. */
public enum AppointmentType {
    INTAKE,
    PIP_MEETING,
    OFFICER,
    TOWN_HALL,
    GP,
    HOSPITAL,
    SCHOOL,
    LANGUAGE_SCHOOL,
    BANK,
    HOUSING,
    BUDDY,
    OTHER
}
