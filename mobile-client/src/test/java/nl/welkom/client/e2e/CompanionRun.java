package nl.welkom.client.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import nl.welkom.client.cli.Companion;

/** Runs the terminal companion's main method with these input lines, as a person at a terminal would; returns what it printed. */
final class CompanionRun {
    private CompanionRun() {
    }

    static String run(Path data, String server, List<String> lines) throws IOException {
        StringBuilder input = new StringBuilder();
        for (String line : lines) {
            input.append(line).append('\n');
        }
        InputStream in = new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream realIn = System.in;
        PrintStream realOut = System.out;
        System.setIn(in);
        try (PrintStream capture = new PrintStream(out, true, "UTF-8")) {
            System.setOut(capture);
            Companion.main(new String[] {"--server", server, "--data", data.toString(), "--width", "80"});
        } finally {
            System.setOut(realOut);
            System.setIn(realIn);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** How often {@code part} stands in {@code text}. */
    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
