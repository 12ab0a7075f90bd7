package nl.welkom.abuse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import nl.welkom.Api;

/**
 * Clients at made-up addresses: the test server trusts loopback as a proxy, so {@code X-Forwarded-For}
 * names the client throttling counts (docs/abuse.md). The addresses are only header values (the
 * documentation ranges of RFC 5737); no traffic goes anywhere but the loopback test server.
 */
final class AbuseClients {
    private static final AtomicInteger NEXT = new AtomicInteger(UUID.randomUUID().hashCode() & 0xfff);

    private AbuseClients() {
    }

    /** A source address no other test uses. */
    static String newAddress() {
        int n = NEXT.incrementAndGet();
        return "203.0." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    static Api.Response login(Api api, String from, String username, String password) {
        return api.send("POST", "/api/auth/login", null,
                api.json(Map.of("username", username, "password", password)),
                "Content-Type", "application/json", "X-Forwarded-For", from);
    }

    static Api.Response dashboardLogin(Api api, String from, String username, String password) {
        return api.send("POST", "/login", null, form(Map.of("username", username, "password", password)),
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", from);
    }

    static Api.Response activate(Api api, String from, String code) {
        return api.send("POST", "/api/activation", null, api.json(Map.of("code", code, "deviceName", "Test phone")),
                "Content-Type", "application/json", "X-Forwarded-For", from);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
