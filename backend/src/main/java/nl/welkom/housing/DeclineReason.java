package nl.welkom.housing;

/** Why a household declined a house; {@link #OTHER} needs a note that says why. */
public enum DeclineReason {
    /** Too few rooms for the household. */
    TOO_SMALL,
    /** Stairs, no lift, or otherwise unsuitable for a member's health or disability. */
    NOT_ACCESSIBLE,
    /** Too far from school, work, care or the household's community. */
    TOO_FAR,
    /** The state of the house or its surroundings. */
    CONDITION,
    /** The household found or was given a house elsewhere. */
    HOUSED_ELSEWHERE,
    /** Another reason, written in the note. */
    OTHER
}
