package nl.welkom.model.sync;

/** Kinds of edit a phone can make offline and push later. */
public enum MutationType {
    /** Mark a task done. Payload: none. */
    TASK_COMPLETE,
    /** Mark a done task open again. Payload: none. */
    TASK_REOPEN,
    /** Set the household's own note on a task ("appointment Tuesday 10:00"). Payload: {@code value}, at most 500 characters; empty clears it. */
    TASK_SET_NOTE,
    /**
     * A household member answered a course quiz question. {@code entityId}: the member id;
     * {@code value}: {@code <questionSlug>:<optionIndex>} (index from 0). Every answer is recorded once.
     */
    COURSE_ANSWER,
    /** A household member finished reading a course lesson. {@code entityId}: the member id; {@code value}: the lesson id. */
    COURSE_LESSON_DONE,
    /**
     * "Was this lesson helpful?" from a household device; a later vote replaces an earlier one.
     * {@code entityId}: the lesson id; {@code value}: {@code "true"} or {@code "false"}.
     */
    LESSON_FEEDBACK,
    /**
     * A household device asks its buddy (or, without one, its officers) a question. {@code entityId}:
     * the lesson it is about, or {@code ""} for none; {@code value}: the text, at most 1000 characters.
     * The question's id is the mutation id.
     */
    QUESTION_ASK,
    /**
     * The family answers an appointment. {@code entityId}: the appointment id; {@code baseVersion}: its
     * version on the phone; {@code value}: {@code CONFIRMED}, {@code CANNOT_COME} or
     * {@code ASK_TO_MOVE}, optionally followed by {@code ":"} and a note of at most 500 characters
     * ({@code "ASK_TO_MOVE:Tuesday morning is better"}). A later answer replaces an earlier one.
     */
    APPOINTMENT_ANSWER,
    /**
     * A message in a household's conversation, written offline. {@code entityId}: the household id;
     * {@code value}: the text, 1 to {@code Message.MAX_LENGTH} characters. The message's id is the
     * mutation id, so a message pushed twice arrives once. Household phones and family friends send it.
     */
    MESSAGE_SEND,
    /**
     * The reader read a household's conversation up to a message. {@code entityId}: the household id;
     * {@code value}: the id of the newest message read. Marks that message and every earlier one of the
     * other side read (for the household: staff messages; for a family friend: the household's).
     */
    MESSAGE_READ,
    /**
     * A family friend logs a meeting with a household, offline. {@code entityId}: the household id;
     * the meeting's id is the mutation id; {@code value}: a JSON object
     * {@code {"date":"2026-12-01","what":"…","taskIds":["…"],"note":"…"}} ({@code taskIds} and
     * {@code note} optional; limits in {@code Meeting}). Tasks the meeting moved forward are ticked
     * with their own {@code TASK_COMPLETE} mutations, queued before it. Only the matched family friend.
     */
    MEETING_LOG
}
