package nl.welkom.model.auth;

/**
 * A bearer token and who it belongs to. Returned by password login and by activation.
 *
 * @param token          opaque bearer token; send as {@code Authorization: Bearer <token>}
 * @param role           role of the token's owner
 * @param municipalityId municipality the owner is bound to (null only for {@link Role#ADMIN})
 * @param municipalityName name of that municipality, for display
 * @param displayName    how the owner is addressed
 * @param householdId    for {@link Role#NEWCOMER} devices: the household; otherwise null
 * @param deviceId       for {@link Role#NEWCOMER} devices: the device; otherwise null
 * @param expiresAt      ISO-8601 instant after which the token is refused
 */
public record Session(
        String token,
        Role role,
        String municipalityId,
        String municipalityName,
        String displayName,
        String householdId,
        String deviceId,
        String expiresAt) {
}
