package nl.welkom.client.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import nl.welkom.client.cli.Companion;

/**
 * The companion running in its own thread with a person typing into it over time (as opposed to
 * {@link CompanionRun}, which pipes all input at once): for what happens while the reader is on a
 * screen, such as a sync retried in the background.
 */
final class CompanionSession implements AutoCloseable {
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread thread;
    private final InputStream realIn = System.in;
    private final PrintStream realOut = System.out;

    CompanionSession(Path data, String server, String... extraArgs) throws IOException {
        PipedInputStream in = new PipedInputStream(keyboard, 64 * 1024);
        PrintStream capture = new PrintStream(screen, true, "UTF-8");
        System.setIn(in);
        System.setOut(capture);
        String[] args = new String[6 + extraArgs.length];
        String[] base = {"--server", server, "--data", data.toString(), "--width", "80"};
        System.arraycopy(base, 0, args, 0, 6);
        System.arraycopy(extraArgs, 0, args, 6, extraArgs.length);
        thread = new Thread(() -> Companion.main(args), "companion");
        thread.start();
    }

    /** Types these lines. */
    void type(String... lines) throws IOException {
        for (String line : lines) {
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        keyboard.flush();
    }

    /** Everything on the screen so far. */
    synchronized String screen() {
        return new String(screen.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Waits until the screen shows {@code text}; fails after {@code timeout}. */
    void awaitScreen(String text, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!screen().contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("The screen never showed \"" + text + "\":\n" + screen());
            }
            Thread.sleep(50);
        }
    }

    /** Ends the input (the companion says goodbye), waits for it and restores the console. */
    @Override
    public void close() throws IOException {
        try {
            keyboard.close();
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            System.setOut(realOut);
            System.setIn(realIn);
        }
    }
}
