package nl.welkom.model.sync;

/** Kinds of edit a phone can make offline and push later. */
public enum MutationType {
    /** Mark a task done. Payload: none. */
    TASK_COMPLETE,
    /** Mark a done task open again. Payload: none. */
    TASK_REOPEN
}
