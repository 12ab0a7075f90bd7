package nl.welkom.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import nl.welkom.model.auth.Role;

/**
 * Who is making the current request, as every controller and service sees it.
 * Obtain it with {@link #of(Authentication)} from the {@code Authentication} Micronaut injects.
 *
 * @param role           the caller's role
 * @param userId         staff or volunteer account; null for a device
 * @param deviceId       a household's phone; null for a person
 * @param municipalityId the municipality the caller is bound to; null only for {@link Role#ADMIN}
 * @param householdId    for {@link Role#NEWCOMER}: the household of the device; otherwise null
 */
public record Caller(
        Role role,
        @Nullable String userId,
        @Nullable String deviceId,
        @Nullable String municipalityId,
        @Nullable String householdId) {

    static final String USER_ID = "userId";
    static final String DEVICE_ID = "deviceId";
    static final String MUNICIPALITY_ID = "municipalityId";
    static final String HOUSEHOLD_ID = "householdId";

    /** The caller behind an authentication made by this server's token fetcher. */
    public static Caller of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        Role role = Role.valueOf(authentication.getRoles().iterator().next());
        return new Caller(role,
                (String) attributes.get(USER_ID),
                (String) attributes.get(DEVICE_ID),
                (String) attributes.get(MUNICIPALITY_ID),
                (String) attributes.get(HOUSEHOLD_ID));
    }

    /** True for a household's phone, false for a person with an account. */
    public boolean isDevice() {
        return deviceId != null;
    }

    /** The id recorded as actor: the user id or the device id. */
    public String actorId() {
        return isDevice() ? deviceId : userId;
    }

    /** An authentication for this caller, carrying the expiry (epoch ms) of the token it came with. */
    Authentication toAuthentication(long tokenExpiresAt) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(AuthService.EXPIRES_AT, tokenExpiresAt);
        putIfPresent(attributes, USER_ID, userId);
        putIfPresent(attributes, DEVICE_ID, deviceId);
        putIfPresent(attributes, MUNICIPALITY_ID, municipalityId);
        putIfPresent(attributes, HOUSEHOLD_ID, householdId);
        String name = isDevice() ? "device:" + deviceId : "user:" + userId;
        return Authentication.build(name, List.of(role.name()), attributes);
    }

    private static void putIfPresent(Map<String, Object> attributes, String key, @Nullable String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
