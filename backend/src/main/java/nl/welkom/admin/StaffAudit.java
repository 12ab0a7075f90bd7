package nl.welkom.admin;

/**
 * The audit trail's action names for administrators' work ({@code AuditLog.recordAbout}: the acting
 * account, the action and the id of the account or municipality concerned; nothing else).
 */
final class StaffAudit {
    static final String MUNICIPALITY_CREATE = "municipality.create";
    static final String MUNICIPALITY_RENAME = "municipality.rename";
    static final String ACCOUNT_CREATE = "staff.create";
    static final String ACCOUNT_DEACTIVATE = "staff.deactivate";
    static final String ACCOUNT_REACTIVATE = "staff.reactivate";
    static final String PASSWORD_RESET = "staff.password-reset";
    /** The staff member set a password with a one-time code (actor and subject are the same account). */
    static final String PASSWORD_SET = "staff.password-set";

    private StaffAudit() {
    }
}
