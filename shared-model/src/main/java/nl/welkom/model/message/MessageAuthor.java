package nl.welkom.model.message;

/** Who wrote a message: the household (its phone) or the staff side (an officer or the family friend). */
public enum MessageAuthor {
    /** The family, from its phone (also its questions about a lesson). */
    HOUSEHOLD,
    /** An integration officer of the household's municipality, from the dashboard. */
    OFFICER,
    /** The household's family friend, from the dashboard or their phone. */
    BUDDY;

    /** True for the staff side (officer or family friend), whose messages the household reads. */
    public boolean staff() {
        return this != HOUSEHOLD;
    }
}
