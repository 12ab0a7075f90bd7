package nl.welkom.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
 * The real backend, started as its own process from the runnable jar ({@code java -jar
 * welkom-backend.jar}) on a free port with its own data folder, as an operator starts it. A copy of
 * the end-to-end tests' {@code BackendProcess} (bench does not depend on test classes), with a
 * graceful stop so that SQLite closes its file cleanly before the bench opens it.
 */
final class Backend implements AutoCloseable {
    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final List<String> jvmOptions;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;

    Backend(Path jar, Path dataDir, String name, List<String> jvmOptions) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Backend jar not found at " + jar
                    + ": build it first (bench/run.sh, or ./mvnw -B -q -pl backend -am package -DskipTests)");
        }
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(name + "-backend.log");
        this.port = freePort();
        this.jvmOptions = new ArrayList<>(jvmOptions);
        Files.createDirectories(dataDir);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    Path log() {
        return log;
    }

    /** Starts the server and waits until {@code /health} answers 200 (at most 90 s). */
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
        builder.environment().putAll(environment);
        builder.directory(dataDir.getParent().toFile());
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(90));
    }

    /** Stops the server with SIGTERM (shutdown hooks run, the database closes), forcibly after 30 s. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** Sets an environment variable for the next start, e.g. {@code DATASOURCES_DEFAULT_URL} for PostgreSQL. */
    Backend with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The process id of the running server. */
    long pid() {
        return process.pid();
    }

    /** The server's output so far. */
    String output() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
