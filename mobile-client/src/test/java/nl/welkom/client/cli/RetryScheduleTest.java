package nl.welkom.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void aFailedSyncIsTriedAgainSoonThenLessOftenButNeverRarerThanTheMaximum() {
        RetrySchedule s = RetrySchedule.DEFAULT;
        assertEquals(5_000, s.delayAfter(1, 0));
        assertEquals(10_000, s.delayAfter(2, 5_000));
        assertEquals(20_000, s.delayAfter(3, 15_000));
        assertEquals(160_000, s.delayAfter(6, 300_000));
        assertEquals(180_000, s.delayAfter(7, 500_000), "at most every three minutes");
        assertEquals(180_000, s.delayAfter(60, 1_000_000), "no overflow after many failures");
    }

    @Test
    void afterHalfAnHourWithoutANetworkItStopsTrying() {
        assertEquals(-1, RetrySchedule.DEFAULT.delayAfter(12, 1_800_000));
        assertEquals(-1, RetrySchedule.DEFAULT.delayAfter(0, 0), "nothing failed, nothing to retry");
    }

    @Test
    void theScheduleCanBeGivenOnTheCommandLineAndNonsenseIsRefused() {
        RetrySchedule quick = RetrySchedule.parse("200, 1000, 60000");
        assertEquals(200, quick.delayAfter(1, 0));
        assertEquals(1000, quick.delayAfter(5, 10_000));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("200,1000"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("a,b,c"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("1000,200,60000"));
    }
}
