package nl.welkom.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * What a password chosen with a one-time sign-in code must be: at least {@value #MIN_LENGTH}
 * characters (at most {@value #MAX_LENGTH}), not the username (nor the part before the {@code @}),
 * not one character repeated, and not in the shipped list of very common passwords
 * ({@value #COMMON_LIST}, compared without regard to case). Each refusal is a message key of the
 * admin bundle, so the page and the API say the same.
 */
@Singleton
final class PasswordRules {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;
    static final String COMMON_LIST = "admin/common-passwords.txt";

    static final String TOO_SHORT = "admin.password.error.short";
    static final String TOO_LONG = "admin.password.error.long";
    static final String IS_USERNAME = "admin.password.error.username";
    static final String TOO_COMMON = "admin.password.error.common";
    static final String MISSING = "admin.password.error.missing";

    private final Set<String> common;

    PasswordRules() {
        this.common = load();
    }

    /** The message key of the first rule {@code password} breaks for the account {@code username}, or empty. */
    Optional<String> refusal(@Nullable String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of(MISSING);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(TOO_LONG);
        }
        String lower = password.trim().toLowerCase(Locale.ROOT);
        String user = username.toLowerCase(Locale.ROOT);
        int at = user.indexOf('@');
        if (lower.equals(user) || (at > 0 && lower.equals(user.substring(0, at)))) {
            return Optional.of(IS_USERNAME);
        }
        if (common.contains(lower) || password.codePoints().distinct().count() == 1) {
            return Optional.of(TOO_COMMON);
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(COMMON_LIST);
        if (in == null) {
            throw new IllegalStateException("The list of common passwords " + COMMON_LIST + " is missing");
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
