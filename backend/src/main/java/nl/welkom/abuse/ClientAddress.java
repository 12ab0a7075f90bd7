package nl.welkom.abuse;

import java.util.List;
import java.util.Set;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The address a request came from, as throttling counts it: the connection's remote address, unless
 * that address is one of {@code welkom.abuse.trusted-proxies}; then the last address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy (the one the proxy saw). A client cannot
 * choose its own address by sending the header to a server that does not sit behind such a proxy.
 */
@Singleton
public class ClientAddress {
    private static final int MAX_LENGTH = 64;

    private final Set<String> trusted;

    ClientAddress(AbuseProperties properties) {
        this.trusted = Set.copyOf(properties.trustedProxies());
    }

    /** The client's address as text (IPv4 or IPv6). */
    public String of(HttpRequest<?> request) {
        String remote = request.getRemoteAddress().getAddress().getHostAddress();
        if (!trusted.contains(remote)) {
            return remote;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For");
        String client = remote;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String[] hops = forwarded.get(i).split(",");
            for (int j = hops.length - 1; j >= 0; j--) {
                String hop = hops[j].trim();
                if (hop.isEmpty() || hop.length() > MAX_LENGTH) {
                    return client;
                }
                client = hop;
                if (!trusted.contains(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }
}
