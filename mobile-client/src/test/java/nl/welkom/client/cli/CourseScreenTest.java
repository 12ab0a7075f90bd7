package nl.welkom.client.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CourseScreenTest {

    @Test
    void theCertificateOpensWithTheLanguagesKeyTheLatinCOrTheCyrillicLookAlike() {
        assertTrue(CourseScreen.isKey("s", "S"), "Somali's own key, any case");
        assertTrue(CourseScreen.isKey("c", "S"), "the Latin C always works");
        assertTrue(CourseScreen.isKey("С", "C"), "a Ukrainian keyboard's С");
        assertTrue(CourseScreen.isKey(" с ", "C"));
        assertFalse(CourseScreen.isKey("7", "C"));
        assertFalse(CourseScreen.isKey("", "C"));
    }
}
