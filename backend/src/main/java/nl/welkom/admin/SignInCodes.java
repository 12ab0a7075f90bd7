package nl.welkom.admin;

import java.security.SecureRandom;
import java.util.Optional;

import nl.welkom.auth.OneTimeCodes;

/**
 * The one-time sign-in code format: {@value #LENGTH} characters in the {@link OneTimeCodes}
 * alphabet (31 symbols, so about 139 bits of randomness; at least 128 are required), shown in
 * groups of four ({@code K7QD-9XM2-PW4T-HN6C-R3VB-ABCD-EFGH}). Reading it back ignores case,
 * dashes and spaces; an input longer than three times the length is refused outright.
 */
final class SignInCodes {
    static final int LENGTH = 28;

    private SignInCodes() {
    }

    /** A new random code, ungrouped. */
    static String generate(SecureRandom random) {
        return OneTimeCodes.generate(random, LENGTH);
    }

    /** {@code K7QD9XM2…} → {@code K7QD-9XM2-…}, for reading aloud and copying. */
    static String grouped(String code) {
        return OneTimeCodes.grouped(code);
    }

    /** The canonical form of what a person typed or a link carried, or empty when it cannot be a code. */
    static Optional<String> normalize(String typed) {
        if (typed != null && typed.length() > LENGTH * 3) {
            return Optional.empty();
        }
        return OneTimeCodes.normalize(typed, LENGTH);
    }
}
