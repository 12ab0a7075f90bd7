package nl.welkom.model.journey;

/** Whether a journey task still has to be done. */
public enum TaskStatus {
    OPEN,
    DONE
}
