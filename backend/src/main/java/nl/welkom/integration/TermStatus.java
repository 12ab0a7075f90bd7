package nl.welkom.integration;

/** How a member's inburgeringstermijn stands on a given day ({@link Term}). */
public enum TermStatus {
    /** The plan has no date yet (a draft PIP): the term has not started. */
    DRAFT,
    /** More than six months left. */
    RUNNING,
    /** Six months or less left. */
    DUE_IN_6_MONTHS,
    /** Three months or less left. */
    DUE_IN_3_MONTHS,
    /** The deadline has passed and the plan is not finished. */
    OVERDUE,
    /** Every component is done (or does not apply): nothing to warn about. */
    COMPLETED;

    /** Whether the dashboard shows a warning. */
    public boolean warning() {
        return this == DUE_IN_6_MONTHS || this == DUE_IN_3_MONTHS || this == OVERDUE;
    }
}
