package nl.welkom.auth;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.inject.Singleton;

/** bcrypt hashing of staff and volunteer passwords. Passwords longer than 72 bytes are truncated, as bcrypt does. */
@Singleton
public final class Passwords {
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

    private final int cost;
    /** Compared against when the username is unknown, so both failures take the same time. */
    private final String decoy;

    Passwords(AuthProperties properties) {
        this.cost = properties.bcryptCost();
        this.decoy = hash("welkom-decoy-password");
    }

    /** A new salted bcrypt hash of {@code password}. */
    public String hash(String password) {
        return new String(BCrypt.with(VERSION, LongPasswordStrategies.truncate(VERSION))
                .hash(cost, password.toCharArray()), StandardCharsets.UTF_8);
    }

    /** True when {@code password} matches {@code hash}; false for a malformed hash. */
    public boolean matches(String password, String hash) {
        return BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION))
                .verify(password.toCharArray(), hash.toCharArray()).verified;
    }

    /** Spends the time of one verification and fails: for unknown usernames. */
    boolean failSlowly(String password) {
        matches(password, decoy);
        return false;
    }
}
