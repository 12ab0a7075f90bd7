package nl.welkom.appointment;

/** Audit action names of appointments (nl.welkom.audit.AuditLog). */
final class AppointmentAudit {
    static final String LIST = "appointment.list";
    static final String READ = "appointment.read";
    static final String CREATE = "appointment.create";
    static final String CHANGE = "appointment.change";
    static final String CANCEL = "appointment.cancel";
    static final String ANSWER = "appointment.answer";
    static final String FEED_READ = "appointment.calendar-feed.read";

    private AppointmentAudit() {
    }
}
