package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.welkom.appointment.AppointmentCommand;
import nl.welkom.appointment.AppointmentService;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.housing.FixedClockFactory;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentType;
import nl.welkom.model.auth.Role;
import nl.welkom.model.sync.MutationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The appointments section of a household's page on the demo data, the clock on 4 December 2026:
 * upcoming appointments in Dutch time with the family's answer, a request to move standing out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentPagesTest implements TestPropertyProvider {
    private final DemoData demo = new DemoData();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    EmbeddedServer server;
    @Inject
    AppointmentService appointments;
    @Inject
    AppUserRepository users;
    private DashboardClient web;

    @BeforeAll
    void connect() {
        web = new DashboardClient(http, server);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(demo.properties());
        properties.put(FixedClockFactory.TODAY, "2026-12-04");
        return properties;
    }

    @AfterAll
    void removeData() {
        demo.delete();
    }

    @Test
    void theHouseholdPageListsUpcomingAppointmentsWithTheFamilysAnswer() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        AppUser user = users.findByUsername(DemoData.ZWOLLE_OFFICER).orElseThrow();
        Caller officer = new Caller(Role.OFFICER, user.id(), null, user.municipalityId(), null);
        Appointment made = appointments.create(officer, haile, new AppointmentCommand(AppointmentType.GP,
                "Kennismaking met de huisarts", "2026-12-10T09:00:00Z", "2026-12-10T09:30:00Z", List.of(), null,
                "Assendorperstraat 20", false, null, "ti", null));
        Caller phone = new Caller(Role.NEWCOMER, null, "test-phone", user.municipalityId(), haile);
        assertEquals(MutationOutcome.APPLIED,
                appointments.applyAnswer(phone, made.id(), "ASK_TO_MOVE:Liever in de middag").outcome());

        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + haile)
                .cookie(web.session(DemoData.ZWOLLE_OFFICER))));

        assertTrue(page.contains("<h2 id=\"appointments\">Afspraken</h2>"), page);
        assertTrue(page.contains("10 december 2026, 10:00"), "Dutch time: " + page);
        assertTrue(page.contains("Kennismaking met de huisarts") && page.contains("Assendorperstraat 20"), page);
        assertTrue(page.contains("<span class=\"badge overdue\">Vraagt om een ander tijdstip</span>"), page);
        assertTrue(page.contains("Liever in de middag"), page);
    }
}
