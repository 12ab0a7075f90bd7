package nl.welkom.admin;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-time sign-in code format: {@value #LENGTH} characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), 31 symbols, so about 139 bits of randomness (at least 128 are
 * required), shown in groups of four ({@code K7QD-9XM2-PW4T-HN6C-R3VB-ABCD-EFGH}). Reading it back
 * ignores case, dashes and spaces.
 */
final class SignInCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 28;
    private static final int GROUP = 4;

    private SignInCodes() {
    }

    /** A new random code, ungrouped. */
    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** {@code K7QD9XM2…} → {@code K7QD-9XM2-…}, for reading aloud and copying. */
    static String grouped(String code) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < code.length(); i += GROUP) {
            if (i > 0) {
                shown.append('-');
            }
            shown.append(code, i, Math.min(code.length(), i + GROUP));
        }
        return shown.toString();
    }

    /** The canonical form of what a person typed or a link carried, or empty when it cannot be a code. */
    static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > LENGTH * 3) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(c);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }
}
