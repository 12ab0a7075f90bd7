package nl.welkom.message;

/** Audit action names of messages (nl.welkom.audit.AuditLog). */
final class MessageAudit {
    static final String LIST = "message.list";
    static final String SEND = "message.send";
    static final String READ = "message.read";
    static final String CONVERSATIONS = "message.conversations";

    private MessageAudit() {
    }
}
