package nl.welkom.activation;

import java.security.SecureRandom;
import java.util.Optional;

import nl.welkom.auth.OneTimeCodes;

/**
 * The activation code format: {@value #LENGTH} characters in the {@link OneTimeCodes} alphabet
 * (no look-alikes), about 99 bits of randomness, shown in groups of four
 * ({@code K7QD-9XM2-PW4T-HN6C-R3VB}). Reading it back ignores case, dashes and spaces.
 */
final class ActivationCodes {
    static final String ALPHABET = OneTimeCodes.ALPHABET;
    static final int LENGTH = 20;

    private ActivationCodes() {
    }

    /** A new random code, ungrouped. */
    static String generate(SecureRandom random) {
        return OneTimeCodes.generate(random, LENGTH);
    }

    /** {@code K7QDXM…} → {@code K7QD-XM…}, for reading aloud and printing. */
    static String grouped(String code) {
        return OneTimeCodes.grouped(code);
    }

    /** The canonical form of what a person typed, or empty when it cannot be a code. */
    static Optional<String> normalize(String typed) {
        return OneTimeCodes.normalize(typed, LENGTH);
    }
}
