package nl.welkom.journey;

/** The audit trail's action names for what the journey adds (see {@link nl.welkom.audit.AuditLog}). */
public final class JourneyAudit {
    public static final String TASK_CREATE = "task.create";
    public static final String TASK_DELETE = "task.delete";
    public static final String TASK_TITLE_CHANGE = "task.title.change";
    public static final String TASK_ASSIGNEE_CHANGE = "task.assignee.change";
    /** An officer made tasks from templates (one entry per application, however many tasks). */
    public static final String TEMPLATES_APPLY = "task-template.apply";

    private JourneyAudit() {
    }
}
