package nl.welkom.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void rightToLeftLinesAreIsolatedAndRightAligned() {
        String line = Terminal.rtlLine("طبيب العائلة", 20);

        assertEquals("        \u2067طبيب العائلة\u2069", line);
        assertEquals(20, Terminal.displayWidth(line));
    }

    @Test
    void combiningMarksTakeNoColumn() {
        assertEquals(3, Terminal.displayWidth("مَدْرَسَة".substring(0, 4)) + 1);
        assertEquals(5, Terminal.displayWidth("مَدْرَسَة"));
    }

    @Test
    void paragraphsAreWrappedAtWordsAndLongWordsAreCut() {
        assertEquals(Arrays.asList("one two", "three", "", "four"), Terminal.wrap("one two three\n\nfour\n", 10));
        assertEquals(Arrays.asList("abcdefghij", "klm"), Terminal.wrap("abcdefghijklm", 10));
    }

    @Test
    void serverTextCannotSendEscapeSequencesOrBidiOverrides() {
        String hostile = "ok\u001b[2J\u009b\u202eevil\u2066x\u2069\tend\nnext";

        String safe = Terminal.sanitize(hostile);

        assertEquals("ok[2Jevilx end\nnext", safe);
        assertTrue(Terminal.sanitize(null).isEmpty());
    }

    @Test
    void theProgressBarSharesOneBarAcrossThePhasesInTheReadersLanguage() {
        nl.welkom.client.Welkom welkom = nl.welkom.client.Welkom.builder().baseUrl("http://localhost:1")
                .store(new nl.welkom.client.store.InMemoryLocalStore()).build();
        Ui ui = new Ui(new Terminal(new java.io.PrintStream(new java.io.ByteArrayOutputStream()), 80),
                new java.io.BufferedReader(new java.io.StringReader("")), false, welkom,
                nl.welkom.model.i18n.Bundle.load(nl.welkom.model.i18n.Bundle.COMPANION));
        SyncScreen screen = new SyncScreen(ui, welkom);
        assertEquals("[--------------------] " + Terminal.isolate("Sending changes 0/2") + " · 0.0 KB",
                screen.progress(nl.welkom.client.SyncListener.Phase.PUSH, 0, 2, 0));
        assertEquals("[####----------------] " + Terminal.isolate("Sending changes 1/2") + " · 1.0 KB",
                screen.progress(nl.welkom.client.SyncListener.Phase.PUSH, 1, 2, 1024));
        assertEquals("[####################] " + Terminal.isolate("Done") + " · 2.5 KB",
                screen.progress(nl.welkom.client.SyncListener.Phase.DONE, 1, 1, 2560));
    }
}
