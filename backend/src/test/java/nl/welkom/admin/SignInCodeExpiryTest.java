package nl.welkom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.welkom.TestServer;
import nl.welkom.admin.AdminWireFormat.AccountWithCode;
import nl.welkom.admin.AdminWireFormat.NewStaffAccount;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A sign-in code works for 72 hours and then never, on a clock the test moves. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInCodeExpiryTest implements TestPropertyProvider {
    @Inject
    Clock clock;
    @Inject
    StaffAccounts staff;
    @Inject
    PasswordSetting setting;
    @Inject
    AppUserRepository users;
    @Inject
    MunicipalityRepository municipalities;

    private Caller admin;
    private String testdorp;

    private final Path dataDir;

    SignInCodeExpiryTest() {
        try {
            dataDir = Files.createTempDirectory("welkom-clock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestServer.properties(dataDir).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SettableClock.PROPERTY, "true");
        return properties;
    }

    @AfterAll
    void removeData() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder harms nothing
        }
    }

    @BeforeAll
    void findFixtures() {
        AppUser fixture = users.findByUsername("admin@welkom.test").orElseThrow();
        admin = new Caller(fixture.role(), fixture.id(), null, null, null);
        testdorp = municipalities.findAll().stream().filter(m -> m.slug().equals("testdorp")).map(Municipality::id)
                .findFirst().orElseThrow();
    }

    @Test
    void theServerRunsOnTheTestsClock() {
        assertTrue(clock instanceof SettableClock, clock.getClass().getName());
    }

    @Test
    void aCodeWorksUntilItsLastMinuteAndNotAfter() {
        AccountWithCode early = create("early");
        AccountWithCode late = create("late");
        assertEquals(Duration.ofHours(72), Duration.between(clock.instant(),
                Instant.parse(early.signInCode().expiresAt())));

        ((SettableClock) clock).advance(Duration.ofHours(72).minusMinutes(1));
        assertTrue(setting.usernameFor(early.signInCode().code()).isPresent());
        setting.choose(early.signInCode().code(), "vlak voor het verlopen");

        ((SettableClock) clock).advance(Duration.ofMinutes(1));
        InvalidInput expired = assertThrows(InvalidInput.class,
                () -> setting.choose(late.signInCode().code(), "net te laat gekomen"));
        assertEquals("sign-in-code-invalid", expired.slug());
        assertTrue(setting.usernameFor(late.signInCode().code()).isEmpty());
        assertEquals(null, staff.account(late.account().id()).signInCodeExpiresAt(), "an expired code is not outstanding");
    }

    private AccountWithCode create(String name) {
        return staff.create(admin, new NewStaffAccount(name + "." + System.nanoTime() + "@staff.test", "Test " + name,
                "OFFICER", testdorp, List.of("nl")));
    }
}
