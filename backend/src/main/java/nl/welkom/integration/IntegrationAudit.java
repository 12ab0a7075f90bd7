package nl.welkom.integration;

/** The audit trail's action names for civic integration ({@link nl.welkom.audit.AuditLog#record}). */
final class IntegrationAudit {
    static final String READ = "integration.read";
    static final String HISTORY_READ = "integration.plan.history.read";
    static final String OBLIGATION_CHANGE = "integration.obligation.change";
    static final String INTAKE_WRITE = "integration.intake.write";
    static final String PLAN_CREATE = "integration.plan.create";
    static final String PLAN_CHANGE = "integration.plan.change";
    static final String PLAN_EXTEND = "integration.plan.extend";
    static final String MEETING_CREATE = "integration.meeting.create";
    static final String MEETING_CHANGE = "integration.meeting.change";

    private IntegrationAudit() {
    }
}
