package nl.welkom.model.auth;

/**
 * {@code POST /api/activation}: a phone redeems the code an officer handed to the household.
 *
 * @param code       the activation code as printed (case and dashes are ignored)
 * @param deviceName a label the household recognises in the officer's device list ("Amina's phone")
 */
public record ActivationRequest(String code, String deviceName) {
}
