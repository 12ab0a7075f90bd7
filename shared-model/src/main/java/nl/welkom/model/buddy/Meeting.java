package nl.welkom.model.buddy;

import java.util.List;

/**
 * A meeting a family friend logged with one of their households (docs/sync.md, "Meeting log"). Only
 * the family friend who logged it receives it in the pull; the household's coordinator (an officer)
 * reads it on the dashboard. The family does not receive it.
 *
 * @param id          the meeting's id: the id of the {@code MEETING_LOG} mutation that logged it
 * @param householdId the household they met
 * @param date        the day they met (ISO date, Europe/Amsterdam), not in the future
 * @param what        what they did together, 1 to {@link #MAX_WHAT} characters
 * @param taskIds     the household's tasks the meeting moved forward (ticked through the usual
 *                    task mutations; listed here so the coordinator sees what it was for)
 * @param note        a short note for the coordinator, or null
 * @param loggedAt    ISO-8601 instant the server received it
 */
public record Meeting(
        String id,
        String householdId,
        String date,
        String what,
        List<String> taskIds,
        String note,
        String loggedAt) {

    /** The longest "what we did", in characters (code points). */
    public static final int MAX_WHAT = 500;
    /** The longest note for the coordinator, in characters (code points). */
    public static final int MAX_NOTE = 500;
}
