package nl.welkom.meeting;

/** Audit action names of the meeting log (nl.welkom.audit.AuditLog). */
final class MeetingAudit {
    static final String LOG = "meeting.log";
    static final String LIST = "meeting.list";
    static final String PROMPTS = "meeting.prompts";
    static final String SPACE = "meeting.space";

    private MeetingAudit() {
    }
}
