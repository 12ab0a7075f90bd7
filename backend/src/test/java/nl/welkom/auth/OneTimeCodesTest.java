package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    @Test
    void aCodeHasTheLengthItsFeatureAsksForAndIsShownInGroupsOfFour() {
        String code = OneTimeCodes.generate(new SecureRandom(), 28);

        assertEquals(28, code.length());
        assertTrue(code.chars().allMatch(c -> OneTimeCodes.ALPHABET.indexOf(c) >= 0));
        assertTrue(OneTimeCodes.grouped(code).matches("([2-9A-Z]{4}-){6}[2-9A-Z]{4}"));
    }

    @Test
    void readingBackIgnoresCaseDashesAndSpacesButNotTheLength() {
        assertEquals(Optional.of("K7QD9XM2"), OneTimeCodes.normalize(" k7qd-9xm2 ", 8));
        assertEquals(Optional.empty(), OneTimeCodes.normalize("K7QD-9XM2", 12));
        assertEquals(Optional.empty(), OneTimeCodes.normalize("K7QD-9XM2-PW4T", 8));
        assertEquals(Optional.empty(), OneTimeCodes.normalize("K7QD-9XM0", 8));
        assertEquals(Optional.empty(), OneTimeCodes.normalize(null, 8));
    }
}
