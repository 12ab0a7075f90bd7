package nl.welkom;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plain HTTP client (the JDK's) against the shared test server, with JSON through the server's own mapper. */
public final class Api {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final TestServer server;

    public Api(TestServer server) {
        this.server = server;
    }

    public Api() {
        this(TestServer.get());
    }

    public Response get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String ? (String) body : json(body))));
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token, "Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String ? (String) body : json(body))));
    }

    public Response patch(String path, String token, Object body) {
        return send(request(path, token, "Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body instanceof String ? (String) body : json(body))));
    }

    /** Any request, for the odd cases (wrong method, wrong media type). */
    public Response send(String method, String path, String token, String body, String... headers) {
        return send(request(path, token, headers).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in with the fixture password and returns the token. */
    public String login(String username) {
        Response response = post("/api/auth/login", null, new LoginRequest(username, "test-password"));
        assertEquals(200, response.status(), response.body());
        return response.as(Session.class).token();
    }

    public String json(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonMapper mapper() {
        return server.context().getBean(JsonMapper.class);
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), mapper());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its raw body. */
    public record Response(int status, HttpHeaders headers, String body, JsonMapper mapper) {
        public <T> T as(Class<T> type) {
            return read(Argument.of(type));
        }

        public <T> List<T> asListOf(Class<T> type) {
            return read(Argument.listOf(type));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The problem body, after checking the status and the problem media type. */
        public Problem problem(int expectedStatus) {
            assertEquals(expectedStatus, status, body);
            assertTrue(header("Content-Type") != null && header("Content-Type").startsWith("application/problem+json"),
                    "problem media type, got " + header("Content-Type"));
            Problem problem = as(Problem.class);
            assertEquals(expectedStatus, problem.status());
            assertTrue(problem.type().startsWith("https://welkom.example/problems/"), problem.type());
            return problem;
        }

        private <T> T read(Argument<T> type) {
            try {
                return mapper.readValue(body, type);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + type + " from " + body, e);
            }
        }
    }
}
