package nl.welkom.client.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The real backend, started as its own process from the runnable jar that {@code backend}
 * packages ({@code java -jar welkom-backend.jar}), exactly as an operator starts it. The data
 * folder survives {@link #stop()} so a test can take the server away and bring it back with the
 * same SQLite file, like a phone that loses its network.
 */
final class BackendProcess implements AutoCloseable {
    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;

    BackendProcess(Path dataDir) throws IOException {
        this(dataDir, List.of());
    }

    /** With extra JVM options, e.g. {@code -XX:TieredStopAtLevel=1} for a test that restarts the server often. */
    BackendProcess(Path dataDir, List<String> jvmOptions) throws IOException {
        this.jvmOptions = List.copyOf(jvmOptions);
        String configured = System.getProperty("welkom.backend.jar");
        this.jar = configured != null
                ? Path.of(configured)
                : Path.of("..", "backend", "target", "welkom-backend.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Backend jar not found at " + jar
                    + ": build it first (./mvnw -pl backend -am package -DskipTests)");
        }
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-backend.log");
        this.port = freePort();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The data folder (its {@code welkom.db} is the server's SQLite file), the same across restarts. */
    Path dataFolder() {
        return dataDir;
    }

    /** The port, the same across {@link #stop()} and {@link #start()}. */
    int port() {
        return port;
    }

    /** True while the process runs. */
    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server and waits until {@code /health} answers 200 (at most 60 s). */
    void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("WELKOM_DATA_DIR", dataDir.toString());
        builder.environment().put("WELKOM_DEMO_ENABLED", "true");
        builder.directory(dataDir.getParent().toFile());
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(60));
    }

    /** Stops the server the hard way (as a crash or a pulled cable would), keeping its data. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        process = null;
    }

    /** The server's output so far, for a failing test's message. */
    String output() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the server and checks its whole log for personal data ({@link LogCanaries}). */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LogCanaries.assertClean(output(), jar);
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("backend exited with " + process.exitValue() + ":\n" + output());
            }
            try (Response response = http.newCall(new Request.Builder().url(baseUrl() + "/health").build()).execute()) {
                if (response.code() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("backend not healthy after " + timeout + ":\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
