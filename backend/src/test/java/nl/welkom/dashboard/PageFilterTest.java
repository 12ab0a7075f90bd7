package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.welkom.abuse.SameOrigin;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

class PageFilterTest {

    @Test
    void anOriginOnTheRequestedHostIsTheSameOrigin() {
        assertTrue(PageFilter.isSameOrigin(headers("welkom.example:8080", "Origin", "http://welkom.example:8080")));
        assertTrue(PageFilter.isSameOrigin(headers("welkom.example", "Origin", "https://Welkom.Example")));
        assertTrue(PageFilter.isSameOrigin(headers("welkom.example", "Origin", "https://welkom.example:443")));
    }

    @Test
    void anotherHostOrPortIsAnotherOrigin() {
        assertFalse(PageFilter.isSameOrigin(headers("welkom.example", "Origin", "https://evil.example")));
        assertFalse(PageFilter.isSameOrigin(headers("welkom.example:8080", "Origin", "http://welkom.example:9090")));
        assertFalse(PageFilter.isSameOrigin(headers("welkom.example", "Origin", "null")));
        assertFalse(PageFilter.isSameOrigin(headers("welkom.example.evil.example", "Origin", "https://welkom.example")));
    }

    @Test
    void theRefererCountsOnlyWithoutAnOrigin() {
        assertFalse(PageFilter.isSameOrigin(headers("welkom.example", "Referer", "https://evil.example/form")));
        assertTrue(PageFilter.isSameOrigin(headers("welkom.example", "Referer", "https://welkom.example/dashboard")));
    }

    @Test
    void aRequestWithNeitherHeaderIsLetThrough() {
        assertTrue(PageFilter.isSameOrigin(headers("welkom.example", "X-Other", "1")));
    }

    @Test
    void authorityLeavesOutTheDefaultPortAndRejectsNonUrls() {
        assertEquals("welkom.example", SameOrigin.authority("https://welkom.example:443/x"));
        assertEquals("welkom.example:8443", SameOrigin.authority("https://welkom.example:8443"));
        assertNull(SameOrigin.authority("null"));
        assertNull(SameOrigin.authority("not a url"));
    }

    private static HttpHeaders headers(String host, String name, String value) {
        return HttpRequest.POST("/dashboard", "").header(HttpHeaders.HOST, host).header(name, value).getHeaders();
    }
}
