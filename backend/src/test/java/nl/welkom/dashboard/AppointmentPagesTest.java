package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
import org.junit.jupiter.api.Test;

/**
 * The appointments section of a household's page on the demo data, the clock on 4 December 2026:
 * upcoming appointments in Dutch time with the family's answer, a request to move standing out.
 */
@MicronautTest(transactional = false)
class AppointmentPagesTest extends DemoPagesTest {
    @Inject
    AppointmentService appointments;
    @Inject
    AppUserRepository users;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(demo.properties());
        properties.put(FixedClockFactory.TODAY, "2026-12-04");
        return properties;
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

    @Test
    void anOfficerBooksAnAppointmentFromTheHouseholdPageAndABadFormComesBackWithItsErrors() {
        String bahati = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Bahati");
        io.micronaut.http.cookie.Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String form = body(web.send(HttpRequest.GET("/dashboard/households/" + bahati + "/appointments/new")
                .cookie(officer)));
        assertTrue(form.contains("<h1>Afspraak maken</h1>"), form);
        long before = demo.queryLong("SELECT count(*) FROM appointment WHERE household_id = ?", bahati);

        HttpResponse<String> refused = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + bahati
                + "/appointments", Map.of("type", "BANK", "purpose", "Bankrekening openen", "date", "2026-12-09",
                "from", "11:00", "to", "10:30")).contentType(MediaType.APPLICATION_FORM_URLENCODED).cookie(officer)));

        assertEquals(400, refused.code());
        String page = body(refused);
        assertTrue(page.contains("<a href=\"#to\">De eindtijd moet na de begintijd liggen.</a>"), page);
        assertTrue(page.contains("aria-invalid=\"true\" aria-describedby=\"to-error\""), page);
        assertTrue(page.contains("Bankrekening openen"), "the values are kept");
        assertEquals(before, demo.queryLong("SELECT count(*) FROM appointment WHERE household_id = ?", bahati));

        HttpResponse<String> booked = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + bahati
                + "/appointments", Map.of("type", "BANK", "purpose", "Bankrekening openen", "date", "2026-12-09",
                "from", "11:00", "to", "11:30", "address", "Grote Markt 1")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(officer)));

        assertEquals(303, booked.code(), body(booked));
        assertEquals("/dashboard/households/" + bahati + "#appointments", booked.header(HttpHeaders.LOCATION));
        String household = body(web.send(HttpRequest.GET("/dashboard/households/" + bahati).cookie(officer)));
        assertTrue(household.contains("9 december 2026, 11:00") && household.contains("Bankrekening openen"), household);
        assertTrue(household.contains("Nog geen antwoord"), household);
    }

    @Test
    void anOfficerOfAnotherMunicipalityCannotOpenTheBookingForm() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        assertEquals(404, web.send(HttpRequest.GET("/dashboard/households/" + haile + "/appointments/new")
                .cookie(web.session(DemoData.DEVENTER_OFFICER))).code());
        assertEquals(404, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + haile + "/appointments",
                Map.of("type", "BANK", "purpose", "x", "date", "2026-12-09", "from", "11:00", "to", "11:30"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).cookie(web.session(DemoData.DEVENTER_OFFICER)))).code());
    }
}
