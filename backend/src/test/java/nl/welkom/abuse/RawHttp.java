package nl.welkom.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import nl.welkom.TestServer;

/**
 * One HTTP/1.1 request written by hand to the loopback test server, so that the test chooses the
 * {@code Host} header (the JDK client does not allow it): the server is then addressed as a real
 * host name ({@value #HOST}), as behind a proxy, and its own origin is {@code https://welkom.example}.
 */
final class RawHttp {
    static final String HOST = "welkom.example";

    private RawHttp() {
    }

    /** The answer: status, content type (or null) and body. */
    record Answer(int status, String contentType, String body) {
    }

    /** {@code headers} are name, value pairs; a body is sent as JSON when not null. */
    static Answer send(String method, String path, String body, String... headers) {
        return send(URI.create(TestServer.get().url("")).getPort(), method, path, body, headers);
    }

    /** The same, to the server on {@code port}. */
    static Answer send(int port, String method, String path, String body, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            byte[] payload = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(HOST).append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(payload.length).append("\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            String answer = readAll(socket.getInputStream());
            int headEnd = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, headEnd);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = null;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
            }
            return new Answer(status, contentType, answer.substring(headEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
