package nl.welkom.auth;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The format shared by the codes a person reads, types or prints once (activation codes,
 * staff sign-in codes): characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * 31 symbols, shown in groups of four ({@code K7QD-9XM2-PW4T-…}). Reading a
 * code back ignores case, dashes and spaces. Each feature chooses its own length.
 */
public final class OneTimeCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int GROUP = 4;

    private OneTimeCodes() {
    }

    /** A new random code of {@code length} characters, ungrouped. */
    public static String generate(SecureRandom random, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** {@code K7QD9XM2…} → {@code K7QD-9XM2-…}, for reading aloud, copying and printing. */
    public static String grouped(String code) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < code.length(); i += GROUP) {
            if (i > 0) {
                shown.append('-');
            }
            shown.append(code, i, Math.min(code.length(), i + GROUP));
        }
        return shown.toString();
    }

    /**
     * The canonical form of what a person typed (upper case, no dashes or spaces), or empty when it
     * cannot be a code of exactly {@code length} characters from the alphabet.
     */
    public static Optional<String> normalize(String typed, int length) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(length);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || code.length() == length) {
                return Optional.empty();
            }
            code.append(c);
        }
        return code.length() == length ? Optional.of(code.toString()) : Optional.empty();
    }
}
