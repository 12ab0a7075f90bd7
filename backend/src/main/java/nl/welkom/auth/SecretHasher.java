package nl.welkom.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.context.annotation.Context;
import nl.welkom.config.WelkomProperties;

/**
 * Keyed hashes (HMAC-SHA-256 with the server secret) of bearer tokens and activation codes:
 * the database stores only these, so a copy of it does not hand out working credentials.
 * Also the source of new random tokens.
 */
@Context // created at start, so the secret file exists from the first start on
public final class SecretHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int TOKEN_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /**
     * One keyed MAC per thread, made once: every request with a token hashes it, and looking the
     * algorithm up and keying it each time was a fifth of the token check (docs/performance.md).
     * {@link Mac#doFinal} leaves it ready for the next value.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    SecretHasher(WelkomProperties properties) {
        this.key = new SecretKeySpec(ServerSecret.loadOrCreate(properties.dataDir()).key(), ALGORITHM);
    }

    /** Base64url (no padding) HMAC-SHA-256 of {@code value}; equal inputs give equal hashes. */
    public String hash(String value) {
        byte[] digest = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** A new opaque token: 256 random bits, base64url without padding. */
    String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
