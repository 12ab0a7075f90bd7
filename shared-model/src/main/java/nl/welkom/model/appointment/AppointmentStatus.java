package nl.welkom.model.appointment;

/** Whether an appointment still stands. A cancelled one stays on the phone, marked, until it is past. */
public enum AppointmentStatus {
    PLANNED,
    CANCELLED
}
