package nl.welkom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that forwards every byte between a client and the backend and counts
 * them both ways: request lines, headers and bodies as they travel, compressed or not — what a
 * prepaid SIM is billed for at the HTTP layer. TCP/IP and TLS overhead are not seen here (plain
 * HTTP on loopback; see docs/performance.md).
 *
 * <p>A byte is counted before it is forwarded, so once the client has read an answer, every byte of
 * that exchange is already in the counters.
 *
 * <p>To see what the bytes are, run with {@code -Dwelkom.bench.dump=<file>}: every chunk is appended
 * to that file, marked {@code >>>} (phone to server) or {@code <<<} (server to phone).
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Thread acceptor;
    private static final OutputStream DUMP = openDump();

    CountingProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "proxy-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Counters at this moment. */
    Snapshot snapshot() {
        return new Snapshot(up.get(), down.get(), connections.get());
    }

    record Snapshot(long up, long down, long connections) {
        Snapshot minus(Snapshot earlier) {
            return new Snapshot(up - earlier.up, down - earlier.down, connections - earlier.connections);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                connections.incrementAndGet();
                pump(client, upstream, up, "proxy-up");
                pump(upstream, client, down, "proxy-down");
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("proxy: " + e);
                }
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    counter.addAndGet(n);
                    dump(name, buffer, n);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static OutputStream openDump() {
        String file = System.getProperty("welkom.bench.dump");
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new java.io.BufferedOutputStream(new java.io.FileOutputStream(file, true));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void dump(String direction, byte[] buffer, int n) throws IOException {
        if (DUMP == null) {
            return;
        }
        synchronized (DUMP) {
            DUMP.write(("\n" + (direction.endsWith("up") ? ">>> " : "<<< ") + n + " bytes\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            DUMP.write(buffer, 0, n);
            DUMP.flush();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
