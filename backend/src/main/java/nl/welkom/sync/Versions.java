package nl.welkom.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import nl.welkom.config.BoundedCache;

/**
 * The pull's {@code contentVersion}: one opaque string that moves when any of its parts moves. The
 * hash of the same parts is remembered: every phone of a language chain and municipality asks it on
 * every pull, and the parts move only when content is published. At most {@link #REMEMBERED}
 * combinations are kept; past that the memory starts again (old versions are asked no more).
 */
final class Versions {
    static final int REMEMBERED = 4096;
    private static final BoundedCache<List<String>, String> COMBINED = new BoundedCache<>(REMEMBERED);

    private Versions() {
    }

    static String combine(String... parts) {
        return COMBINED.get(List.of(parts), Versions::hash);
    }

    private static String hash(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
