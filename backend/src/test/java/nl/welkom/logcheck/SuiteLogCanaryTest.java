package nl.welkom.logcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.welkom.TestServer;

/**
 * No personal data in logs, over the whole backend suite (issue 13): every log event of every test
 * before this one went through {@link CanaryAppender}; this class runs last ({@link RunsLast}) and
 * asserts that none of them named a person of the fixtures or the demo data, or a fixture username.
 * {@code LogCanaryTest} adds DEBUG output and a household's own canary values for representative flows.
 */
@RunsLast
class SuiteLogCanaryTest {

    @Test
    void nothingTheWholeSuiteLoggedNamesAPersonOfTheFixturesOrTheDemo() {
        TestServer.get(); // run alone, the server's start-up is what is checked
        List<String> hits = CanaryAppender.hits();
        long events = CanaryAppender.events();
        System.out.println("SuiteLogCanaryTest: " + events + " log events of the whole backend run checked against "
                + Canaries.people().size() + " canaries, " + hits.size() + " hits");
        assertTrue(events > 0, "the appender sees the log");
        assertTrue(Canaries.people().size() > 50, "the fixtures' and the demo's names are among the canaries");
        assertEquals(List.of(), hits);
    }
}
