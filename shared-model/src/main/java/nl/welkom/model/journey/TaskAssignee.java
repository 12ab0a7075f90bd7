package nl.welkom.model.journey;

/** Who carries out a journey task. */
public enum TaskAssignee {
    FAMILY,
    OFFICER,
    BUDDY
}
