package nl.welkom.model.auth;

/**
 * A phone activated for a household, as an officer sees it ({@code GET /api/households/{id}/devices}).
 * A lost phone is revoked with {@code POST /api/devices/{id}/revoke}: its token is refused from then on
 * and the client wipes its local copy.
 *
 * @param id          device id
 * @param householdId household the device belongs to
 * @param name        the label chosen at activation ("Amina's phone")
 * @param createdAt   ISO-8601 instant of activation
 * @param revokedAt   ISO-8601 instant of revocation, or null while active
 */
public record DeviceInfo(String id, String householdId, String name, String createdAt, String revokedAt) {
}
