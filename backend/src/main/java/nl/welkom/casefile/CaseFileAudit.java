package nl.welkom.casefile;

/** The audit actions of the case file ({@code AuditLog.record}): ids and these names only, never a value. */
final class CaseFileAudit {
    static final String CREATE = "household.create";
    static final String IMPORT = "household.import";
    static final String DETAILS_READ = "household.details.read";
    static final String DETAILS_CHANGE = "household.details.change";
    static final String MEMBER_ADD = "household.member.add";
    static final String MEMBER_CHANGE = "household.member.change";
    static final String MEMBER_REMOVE = "household.member.remove";
    static final String NEED_ADD = "household.special-need.add";
    static final String NEED_REMOVE = "household.special-need.remove";
    /** Recorded for the household by the moving officer, as the old municipality's side of the move. */
    static final String MOVE_OUT = "household.move.out";
    /** Recorded in the same transaction, as the new municipality's side. */
    static final String MOVE_IN = "household.move.in";
    static final String MOVE_READ = "household.move.read";

    private CaseFileAudit() {
    }
}
