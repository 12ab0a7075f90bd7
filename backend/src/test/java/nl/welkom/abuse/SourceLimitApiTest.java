package nl.welkom.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.auth.OneTimeCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The per-address limits on a real server of their own, with the limits as shipped (100 failed logins,
 * 30 refused codes per address per 15 minutes): the shared test server lifts them, because the whole
 * suite comes from one loopback address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceLimitApiTest {
    private static final int LOGIN_SOURCE_LIMIT = 100;
    private static final int ACTIVATION_LIMIT = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedServer server;
    private JsonMapper json;
    private Path dataDir;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("welkom-source-limits");
        Map<String, Object> properties = TestServer.properties(dataDir);
        properties.put("welkom.abuse.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
        properties.remove("welkom.abuse.login-failures-per-source");
        properties.remove("welkom.abuse.activation-failures-per-source");
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    @AfterAll
    void stop() throws java.io.IOException {
        server.stop();
        try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledForEveryAccountButNotForOtherAddresses() {
        String sprayer = AbuseClients.newAddress();
        for (int i = 0; i < LOGIN_SOURCE_LIMIT; i++) {
            assertEquals(401, login(sprayer, "nobody-" + i + "@testdorp.test", "Welkom2026!").status());
        }

        RawHttp.Answer next = login(sprayer, Fixtures.OTHER_OFFICER, "test-password");
        RawHttp.Answer elsewhere = login(AbuseClients.newAddress(), Fixtures.OTHER_OFFICER, "test-password");

        System.out.println("SourceLimitApiTest: " + LOGIN_SOURCE_LIMIT + " failed logins for " + LOGIN_SOURCE_LIMIT
                + " accounts from one address -> next login from it " + next.status() + ", from another address "
                + elsewhere.status());
        assertEquals(429, next.status(), "even the right password: a throttled attempt is not checked");
        assertTrue(next.body().contains("/problems/too-many-attempts"), next.body());
        assertEquals(200, elsewhere.status());
    }

    @Test
    void guessingActivationCodesIsThrottledPerAddressWithoutSpendingARealCode() throws Exception {
        String officer = token(login(AbuseClients.newAddress(), Fixtures.OFFICER, "test-password"));
        String household = householdId(officer, "T-ACTIVATION");
        RawHttp.Answer created = RawHttp.send(port(), "POST", "/api/households/" + household + "/activation-codes", "",
                "Authorization", "Bearer " + officer);
        assertEquals(201, created.status(), created.body());
        String realCode = (String) json.readValue(created.body(), Map.class).get("code");
        String guesser = AbuseClients.newAddress();
        for (int i = 0; i < 40; i++) {
            assertEquals(400, activate(guesser, "not-a-code").status());
        }
        int firstRefusal = -1;
        for (int i = 1; i <= 50 && firstRefusal < 0; i++) {
            RawHttp.Answer answer = activate(guesser, OneTimeCodes.generate(RANDOM, 20));
            if (answer.status() == 429) {
                firstRefusal = i;
            } else {
                assertEquals(400, answer.status(), answer.body());
            }
        }

        RawHttp.Answer realFromGuesser = activate(guesser, realCode);
        RawHttp.Answer checkFromGuesser = RawHttp.send(port(), "POST", "/api/activation/check",
                json.writeValueAsString(Map.of("code", realCode)), "X-Forwarded-For", guesser);
        RawHttp.Answer realElsewhere = activate(AbuseClients.newAddress(), realCode);

        System.out.println("SourceLimitApiTest: activation guesses from one address: 40 malformed not counted, first 429"
                + " at well-formed guess " + firstRefusal + "; the real code from another address: " + realElsewhere.status());
        assertEquals(ACTIVATION_LIMIT + 1, firstRefusal, "malformed codes are no guesses and do not count");
        assertEquals(429, realFromGuesser.status());
        assertTrue(realFromGuesser.contentType().startsWith("application/problem+json"));
        assertEquals(429, checkFromGuesser.status());
        assertEquals(200, realElsewhere.status(), "the code was not spent by the refused attempt");
    }

    private RawHttp.Answer login(String from, String username, String password) {
        try {
            return RawHttp.send(port(), "POST", "/api/auth/login",
                    json.writeValueAsString(Map.of("username", username, "password", password)), "X-Forwarded-For", from);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RawHttp.Answer activate(String from, String code) {
        try {
            return RawHttp.send(port(), "POST", "/api/activation",
                    json.writeValueAsString(Map.of("code", code, "deviceName", "Test phone")), "X-Forwarded-For", from);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(RawHttp.Answer login) {
        assertEquals(200, login.status(), login.body());
        try {
            return (String) json.readValue(login.body(), Map.class).get("token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("rawtypes")
    private String householdId(String officer, String reference) throws java.io.IOException {
        RawHttp.Answer list = RawHttp.send(port(), "GET", "/api/households", null, "Authorization", "Bearer " + officer);
        assertEquals(200, list.status(), list.body());
        List<Map> households = json.readValue(list.body(), Argument.listOf(Map.class));
        return households.stream().filter(h -> reference.equals(h.get("reference"))).map(h -> (String) h.get("id"))
                .findFirst().orElseThrow();
    }

    private int port() {
        return server.getPort();
    }
}
