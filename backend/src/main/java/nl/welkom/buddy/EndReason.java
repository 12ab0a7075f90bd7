package nl.welkom.buddy;

/**
 * Why a buddy match ended ({@code buddy_match.end_reason}, docs/matching.md). The officer picks one;
 * a volunteer who stops ends their matches with {@link #VOLUNTEER_STOPPED}, a household's move with
 * {@link #MOVED}.
 */
public enum EndReason {
    FAMILY_SETTLED, VOLUNTEER_STOPPED, NO_CONTACT, MISMATCH, MOVED, OTHER;

    /** The longest note an end may carry. */
    public static final int MAX_NOTE = 500;
}
