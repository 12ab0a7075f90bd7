package nl.welkom.model.sync;

/** Kinds of edit a phone can make offline and push later. */
public enum MutationType {
    /** Mark a task done. Payload: none. */
    TASK_COMPLETE,
    /** Mark a done task open again. Payload: none. */
    TASK_REOPEN,
    /** Set the household's own note on a task ("appointment Tuesday 10:00"). Payload: {@code value}, at most 500 characters; empty clears it. */
    TASK_SET_NOTE
}
