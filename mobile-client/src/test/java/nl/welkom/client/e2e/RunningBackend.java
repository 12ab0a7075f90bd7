package nl.welkom.client.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real backend jar, started before each test on a fresh data folder and stopped after it:
 * {@code @RegisterExtension final RunningBackend backend = new RunningBackend();}.
 */
final class RunningBackend implements BeforeEachCallback, AfterEachCallback {
    private BackendProcess process;
    private Path folder;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("welkom-it");
        Path data = folder.resolve("backend-data");
        Files.createDirectories(data);
        process = new BackendProcess(data);
        process.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (process != null) {
            process.close();
        }
    }

    /** The running backend (stop and start it to take the network away and give it back). */
    BackendProcess get() {
        return process;
    }

    /** A folder of this test's own, for phones' data. */
    Path folder() {
        return folder;
    }
}
