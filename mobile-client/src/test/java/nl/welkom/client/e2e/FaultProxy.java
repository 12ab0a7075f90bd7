package nl.welkom.client.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-process TCP proxy between the real client and the real backend process that breaks
 * connections on purpose, the way camp Wi-Fi and prepaid data do. One HTTP exchange per connection:
 * the proxy makes every request {@code Connection: close}, so a plan armed for "the next push"
 * hits exactly one request attempt (an OkHttp retry is a new connection and passes, unless planned
 * too).
 *
 * <p>Faults, each at a precise point of the exchange:
 * <ul>
 *   <li>{@link Fault#REFUSE} — the connection is closed before any byte is read or forwarded;</li>
 *   <li>{@link Fault#CUT_REQUEST} — mid-upload: the request head and half of the body reach the
 *       server, then both sides are closed (the server never gets a whole request);</li>
 *   <li>{@link Fault#DROP_RESPONSE} — the whole request reaches the server, the proxy waits for the
 *       first byte of the answer (the server has committed: a blocking controller answers after its
 *       transactions) and closes both sides without forwarding a byte of it;</li>
 *   <li>{@link Fault#CUT_RESPONSE} — mid-download: the answer's head and half of its first body
 *       chunk reach the client, then both sides are closed.</li>
 * </ul>
 *
 * <p>Every exchange is logged ({@link #log()}): request line, body, the fault applied and whether
 * the whole request reached the server — so a test knows exactly which pushes the server saw, in
 * which order.
 */
final class FaultProxy implements AutoCloseable {

    enum Fault {
        PASS,
        REFUSE,
        CUT_REQUEST,
        DROP_RESPONSE,
        CUT_RESPONSE
    }

    /** One exchange as the proxy saw it. */
    static final class Exchange {
        final String requestLine;
        final byte[] body;
        final Fault fault;
        /** True when the complete request was written to the server. */
        final boolean reachedServer;
        /** True when the server began to answer. */
        final boolean answered;

        Exchange(String requestLine, byte[] body, Fault fault, boolean reachedServer, boolean answered) {
            this.requestLine = requestLine;
            this.body = body;
            this.fault = fault;
            this.reachedServer = reachedServer;
            this.answered = answered;
        }

        String method() {
            return requestLine.split(" ")[0];
        }

        /** Path and query, e.g. {@code /api/sync/pull?after=0&limit=200}. */
        String target() {
            String[] parts = requestLine.split(" ");
            return parts.length > 1 ? parts[1] : "";
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return requestLine + " [" + fault + (reachedServer ? ", reached server" : "") + (answered ? ", answered" : "") + "]";
        }
    }

    /** A fault armed for the next request whose request line starts with {@code prefix}. */
    private static final class Plan {
        final String prefix;
        final Fault fault;

        Plan(String prefix, Fault fault) {
            this.prefix = prefix;
            this.fault = fault;
        }
    }

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Plan> plans = new ArrayDeque<>();
    private final List<Exchange> log = Collections.synchronizedList(new ArrayList<>());
    private int refuseConnections;
    private volatile boolean closed;

    FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    /** The proxy's address; use it as the phone's base URL (IPv4 loopback only: one route, no surprise retries). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The next {@code n} connections are closed before any byte. */
    synchronized void refuseNextConnections(int n) {
        refuseConnections += n;
    }

    /**
     * Arms {@code fault} for the next request whose request line starts with {@code prefix}
     * ({@code "POST /api/sync/push"}, {@code "GET /api/sync/pull"}, {@code "GET /api/content"}).
     * For {@link Fault#REFUSE} the head is read (to match) but nothing is forwarded.
     */
    synchronized void failNext(String prefix, Fault fault) {
        plans.add(new Plan(prefix, fault));
    }

    /** Drops every armed plan. */
    synchronized void clearPlans() {
        plans.clear();
        refuseConnections = 0;
    }

    /** Plans armed but not yet used. */
    synchronized int pendingPlans() {
        return plans.size() + refuseConnections;
    }

    /** Every exchange so far, in the order the requests finished reaching the server (or failing to). */
    List<Exchange> log() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** Forgets the log. */
    void clearLog() {
        log.clear();
    }

    private synchronized Fault connectionFault() {
        if (refuseConnections > 0) {
            refuseConnections--;
            return Fault.REFUSE;
        }
        return null;
    }

    private synchronized Fault planFor(String requestLine) {
        for (Iterator<Plan> it = plans.iterator(); it.hasNext(); ) {
            Plan plan = it.next();
            if (requestLine.startsWith(plan.prefix)) {
                it.remove();
                return plan.fault;
            }
        }
        return Fault.PASS;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                if (!closed) {
                    // accept failed for one connection; keep serving
                    continue;
                }
                return;
            }
        }
    }

    private void handle(Socket client) {
        Socket upstream = null;
        try {
            client.setSoTimeout(30_000);
            if (connectionFault() == Fault.REFUSE) {
                log.add(new Exchange("(connection)", new byte[0], Fault.REFUSE, false, false));
                reset(client);
                return;
            }
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(fromClient);
            if (head == null) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String requestLine = headText.substring(0, headText.indexOf("\r\n"));
            int length = contentLength(headText);
            byte[] body = readFully(fromClient, length);
            Fault fault = planFor(requestLine);
            if (fault == Fault.REFUSE) {
                log.add(new Exchange(requestLine, body, fault, false, false));
                reset(client);
                return;
            }
            byte[] forwardedHead = withConnectionClose(headText).getBytes(StandardCharsets.ISO_8859_1);
            try {
                upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                upstream.setSoTimeout(60_000);
            } catch (IOException serverDown) {
                log.add(new Exchange(requestLine, body, Fault.PASS, false, false));
                reset(client);
                return;
            }
            OutputStream toServer = upstream.getOutputStream();
            if (fault == Fault.CUT_REQUEST) {
                if (body.length > 0) {
                    toServer.write(forwardedHead);
                    toServer.write(body, 0, body.length / 2);
                } else {
                    toServer.write(forwardedHead, 0, forwardedHead.length / 2); // a GET: cut inside its head
                }
                toServer.flush();
                log.add(new Exchange(requestLine, body, fault, false, false));
                // Let the half request arrive before the connection goes, as on a real link.
                Thread.sleep(50);
                reset(client);
                return;
            }
            toServer.write(forwardedHead);
            toServer.write(body);
            toServer.flush();
            InputStream fromServer = upstream.getInputStream();
            OutputStream toClient = client.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int first = fromServer.read(buffer);
            boolean answered = first > 0;
            log.add(new Exchange(requestLine, body, fault, true, answered));
            if (!answered) {
                reset(client);
                return;
            }
            if (fault == Fault.DROP_RESPONSE) {
                reset(client);
                return;
            }
            if (fault == Fault.CUT_RESPONSE) {
                cutResponse(buffer, first, fromServer, toClient);
                reset(client);
                return;
            }
            toClient.write(buffer, 0, first);
            for (int n; (n = fromServer.read(buffer)) > 0; ) {
                toClient.write(buffer, 0, n);
            }
            toClient.flush();
        } catch (IOException | InterruptedException e) {
            // A connection broken by either side: the phone sees it as a network failure.
        } finally {
            closeQuietly(upstream);
            closeQuietly(client);
        }
    }

    /** Forwards the response head and half of the body bytes that follow it, then stops. */
    private static void cutResponse(byte[] first, int firstLength, InputStream fromServer, OutputStream toClient)
            throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        received.write(first, 0, firstLength);
        byte[] buffer = new byte[16 * 1024];
        int headEnd;
        while ((headEnd = indexOf(received.toByteArray(), HEAD_END)) < 0) {
            int n = fromServer.read(buffer);
            if (n < 0) {
                return;
            }
            received.write(buffer, 0, n);
        }
        byte[] all = received.toByteArray();
        int bodyStart = headEnd + HEAD_END.length;
        if (all.length == bodyStart) {
            int n = fromServer.read(buffer);
            if (n > 0) {
                received.write(buffer, 0, n);
                all = received.toByteArray();
            }
        }
        int bodyBytes = all.length - bodyStart;
        toClient.write(all, 0, bodyStart + Math.max(0, bodyBytes / 2));
        toClient.flush();
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < HEAD_END.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == HEAD_END[matched] ? matched + 1 : (b == HEAD_END[0] ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                throw new IOException("client closed mid-body");
            }
            read += n;
        }
        return body;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    /** The request head with {@code Connection: close}, so that the server ends the connection after answering. */
    private static String withConnectionClose(String head) {
        StringBuilder sb = new StringBuilder();
        String[] lines = head.split("\r\n");
        for (String line : lines) {
            if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                continue;
            }
            sb.append(line).append("\r\n");
        }
        return sb.append("Connection: close\r\n\r\n").toString();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Closes with a reset (SO_LINGER 0), like a dropped link, rather than an orderly FIN. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closing anyway
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
