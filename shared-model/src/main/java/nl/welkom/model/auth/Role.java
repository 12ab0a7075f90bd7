package nl.welkom.model.auth;

/** What a signed-in person or device may do. Every role except {@link #ADMIN} is bound to one municipality. */
public enum Role {
    ADMIN,
    OFFICER,
    EDITOR,
    BUDDY,
    NEWCOMER
}
