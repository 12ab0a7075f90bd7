package nl.welkom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void theContentVersionMovesWhenAnyOfItsPartsMovesAndStaysWhenNoneDoes() {
        String before = Versions.combine("pack-1", "course-1", "phrases-1", "places-zwolle-1");

        assertEquals(before, Versions.combine("pack-1", "course-1", "phrases-1", "places-zwolle-1"));
        assertNotEquals(before, Versions.combine("pack-2", "course-1", "phrases-1", "places-zwolle-1"));
        assertNotEquals(before, Versions.combine("pack-1", "course-1", "phrases-1", "places-zwolle-2"));
        assertNotEquals(before, Versions.combine("pack-1", "course-1phrases-1", "", "places-zwolle-1"));
    }

    @Test
    void pastTheRememberedCombinationsEveryVersionIsStillTheSameAndStillDistinct() {
        String first = Versions.combine("pack-a", "", "phrases-a", "places-a");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Versions.REMEMBERED * 2 + 7; i++) {
            seen.add(Versions.combine("pack-" + i, "course", "phrases", "places"));
        }

        assertEquals(Versions.REMEMBERED * 2 + 7, seen.size());
        assertEquals(first, Versions.combine("pack-a", "", "phrases-a", "places-a"));
        assertEquals(22, first.length());
    }
}
