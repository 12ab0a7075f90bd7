package nl.welkom.model.auth;

/**
 * A single-use activation code created by an officer for a household.
 *
 * @param code        the code to hand over, grouped for reading aloud ({@code K7QD-9XM2-PW4T-HN6C})
 * @param householdId household the code activates a device for
 * @param expiresAt   ISO-8601 instant after which the code is refused
 */
public record ActivationCode(String code, String householdId, String expiresAt) {
}
