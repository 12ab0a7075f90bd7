package nl.welkom.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ActivationCodesTest {

    @Test
    void theAlphabetHasNoLookAlikes() {
        for (char confusable : "0O1IL".toCharArray()) {
            assertFalse(ActivationCodes.ALPHABET.indexOf(confusable) >= 0, "contains " + confusable);
        }
    }

    @Test
    void generatedCodesAreTwentyCharactersFromTheAlphabet() {
        String code = ActivationCodes.generate(new SecureRandom());

        assertEquals(20, code.length());
        assertTrue(code.chars().allMatch(c -> ActivationCodes.ALPHABET.indexOf(c) >= 0));
    }

    @Test
    void groupingAndNormalizingAreInverse() {
        String code = ActivationCodes.generate(new SecureRandom());

        assertEquals(Optional.of(code), ActivationCodes.normalize(ActivationCodes.grouped(code)));
        assertEquals(Optional.of(code), ActivationCodes.normalize(" " + code.toLowerCase(java.util.Locale.ROOT) + " "));
    }

    @Test
    void textThatCannotBeACodeIsRefusedBeforeAnyLookup() {
        assertEquals(Optional.empty(), ActivationCodes.normalize("ABCD"));
        assertEquals(Optional.empty(), ActivationCodes.normalize("2222-3333-4444-5555-66660"));
        assertEquals(Optional.empty(), ActivationCodes.normalize("2222-3333-4444-5555-666!"));
        assertEquals(Optional.empty(), ActivationCodes.normalize(null));
    }
}
