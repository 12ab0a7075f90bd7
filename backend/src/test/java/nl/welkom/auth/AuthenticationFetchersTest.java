package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.micronaut.security.filters.AuthenticationFetcher;
import nl.welkom.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Every request is authenticated by Welkom's own token check alone (issue 14, docs/performance.md):
 * the framework's token fetcher, which read the bearer header again on every request for validators
 * Welkom does not have, is replaced.
 */
class AuthenticationFetchersTest {

    @Test
    void theServerAsksOnlyWelkomsOwnTokenCheckWhoIsCalling() {
        List<Class<?>> fetchers = TestServer.get().context().getBeansOfType(AuthenticationFetcher.class).stream()
                .<Class<?>>map(Object::getClass).toList();

        assertEquals(List.of(BearerTokenFetcher.class), fetchers);
    }
}
