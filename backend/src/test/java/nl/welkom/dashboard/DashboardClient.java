package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.welkom.model.auth.LoginRequest;
import nl.welkom.model.auth.Session;

/**
 * The dashboard as the HTTP tests use it: a page request answered as it is (redirects not followed,
 * error statuses returned rather than thrown), signing in through the form for a session cookie, a
 * post from the dashboard's own origin, and a household's id from the household list.
 */
final class DashboardClient {
    private static final Pattern HOUSEHOLD_LINK =
            Pattern.compile("href=\"/dashboard/households/([0-9a-f-]{36})\">([^<]+)</a>");

    private final HttpClient http;
    private final EmbeddedServer server;

    DashboardClient(HttpClient http, EmbeddedServer server) {
        this.http = http;
        this.server = server;
    }

    /** Sends the request and returns the answer, whatever its status; redirects are not followed. */
    HttpResponse<String> send(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    /** Signs {@code username} in through the sign-in form with the demo password: the session cookie. */
    Cookie session(String username) {
        return session(username, DemoData.PASSWORD);
    }

    /** Signs {@code username} in through the sign-in form, which must succeed: the session cookie. */
    Cookie session(String username, String password) {
        HttpResponse<String> response = send(loginRequest(username, password));
        assertEquals(303, response.code(), body(response));
        return Cookie.of(SessionController.COOKIE, response.getCookie(SessionController.COOKIE).orElseThrow().getValue());
    }

    /** The sign-in form as a browser posts it. */
    static MutableHttpRequest<?> loginRequest(String username, String password) {
        return HttpRequest.POST("/login", Map.of("username", username, "password", password))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    /** A bearer token for the JSON API, signed in with the demo password. */
    String apiToken(String username) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/auth/login",
                new LoginRequest(username, DemoData.PASSWORD)), Session.class).token();
    }

    /** The server's own origin, as the browser sends it in {@code Origin}. */
    String origin() {
        return "http://localhost:" + server.getPort();
    }

    /** The request as a form posted from one of the dashboard's own pages. */
    MutableHttpRequest<?> sameOrigin(MutableHttpRequest<?> request) {
        return request.header("Origin", origin())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    /** The id of the household named {@code name} in the list {@code username} sees. */
    String householdId(String username, String name) {
        Matcher link = HOUSEHOLD_LINK.matcher(body(send(HttpRequest.GET("/dashboard").cookie(session(username)))));
        while (link.find()) {
            if (link.group(2).equals(name)) {
                return link.group(1);
            }
        }
        throw new AssertionError(name + " is not in the list of " + username);
    }

    static String body(HttpResponse<String> response) {
        return response.getBody(String.class).orElse("");
    }

    /** The answer is a whole HTML page. */
    static void assertHtml(HttpResponse<String> response) {
        String type = response.header(HttpHeaders.CONTENT_TYPE);
        assertNotNull(type);
        assertTrue(type.startsWith("text/html"), type);
        assertTrue(body(response).startsWith("<!DOCTYPE html>"), body(response));
    }
}
