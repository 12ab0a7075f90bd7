package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.welkom.appointment.AppointmentCommand;
import nl.welkom.appointment.AppointmentEntity;
import nl.welkom.appointment.AppointmentRepository;
import nl.welkom.appointment.AppointmentService;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.household.MemberRepository;
import nl.welkom.housing.FixedClockFactory;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentType;
import nl.welkom.model.auth.Role;
import nl.welkom.model.sync.MutationOutcome;
import org.junit.jupiter.api.Test;

/**
 * Moving and cancelling an appointment from the dashboard, and booking one for some members with an
 * interpreter, on the demo data with the clock on 4 December 2026 (noon, Dutch time): who may open
 * the pages, what a bad form does, and what the household page shows afterwards.
 */
@MicronautTest(transactional = false)
class AppointmentMovePagesTest extends DemoPagesTest {
    private static final String ZWOLLE_EDITOR = "editor@zwolle.demo";

    @Inject
    AppointmentService appointments;
    @Inject
    AppUserRepository users;
    @Inject
    AppointmentRepository stored;
    @Inject
    MemberRepository members;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(demo.properties());
        properties.put(FixedClockFactory.TODAY, "2026-12-04");
        return properties;
    }

    @Test
    void anOfficerMovesAnAppointmentTheFamilyAskedToMoveAndThenCancelsItAfterConfirming() {
        String alKhatib = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Al-Khatib");
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        Appointment made = book(alKhatib, "Inschrijven bij de taalschool", "2026-12-11T09:00:00Z", "ar");
        answer(alKhatib, made.id(), "ASK_TO_MOVE:Rania werkt op vrijdag");
        long answered = version(made.id());

        String household = body(web.send(HttpRequest.GET("/dashboard/households/" + alKhatib).cookie(officer)));
        assertTrue(household.contains("Rania werkt op vrijdag"), household);
        assertTrue(household.contains("href=\"/dashboard/appointments/" + made.id() + "/edit\">Verplaatsen</a>"), household);
        assertTrue(household.contains("href=\"/dashboard/appointments/" + made.id() + "/cancel\">Afzeggen</a>"), household);
        assertTrue(household.contains("tolk: Arabisch"), household);

        String form = body(web.send(HttpRequest.GET("/dashboard/appointments/" + made.id() + "/edit").cookie(officer)));
        assertTrue(form.contains("<h1>Afspraak verplaatsen of wijzigen</h1>"), form);
        assertTrue(form.contains("value=\"2026-12-11\"") && form.contains("value=\"10:00\"")
                && form.contains("value=\"11:00\""), "the form shows the Dutch time: " + form);
        assertTrue(form.contains("Inschrijven bij de taalschool"), form);
        assertTrue(form.contains("<option value=\"ar\" selected=\"selected\">Arabisch</option>"), form);

        HttpResponse<String> refused = web.send(edit(made.id(), officer, "2026-12-15", "14:00", "13:00"));
        assertEquals(400, refused.code());
        String again = body(refused);
        assertTrue(again.contains("<a href=\"#to\">De eindtijd moet na de begintijd liggen.</a>"), again);
        assertTrue(again.contains("value=\"2026-12-15\"") && again.contains("Inschrijven bij de taalschool"),
                "the values are kept: " + again);
        assertEquals(answered, version(made.id()), "a refused form changes nothing");

        HttpResponse<String> moved = web.send(edit(made.id(), officer, "2026-12-15", "14:00", "15:00"));
        assertEquals(303, moved.code(), body(moved));
        assertEquals("/dashboard/households/" + alKhatib + "#appointments", moved.header(HttpHeaders.LOCATION));
        assertEquals("NONE", stored(made.id()).answer().name(),
                "the family answers the new time");
        assertEquals(made.sequence() + 1, stored(made.id()).sequence());
        String after = body(web.send(HttpRequest.GET("/dashboard/households/" + alKhatib).cookie(officer)));
        assertTrue(after.contains("15 december 2026, 14:00"), after);
        assertFalse(after.contains("11 december 2026, 10:00") || after.contains("Rania werkt op vrijdag"), after);

        String confirm = body(web.send(HttpRequest.GET("/dashboard/appointments/" + made.id() + "/cancel")
                .cookie(officer)));
        assertTrue(confirm.contains("<h1>Afspraak afzeggen</h1>") && confirm.contains("15 december 2026, 14:00"),
                confirm);
        assertEquals("PLANNED", stored(made.id()).status().name(),
                "opening the confirmation cancels nothing");
        HttpResponse<String> cancelled = web.send(web.sameOrigin(
                HttpRequest.POST("/dashboard/appointments/" + made.id() + "/cancel", Map.of())).cookie(officer));
        assertEquals(303, cancelled.code(), body(cancelled));
        assertEquals("/dashboard/households/" + alKhatib + "#appointments", cancelled.header(HttpHeaders.LOCATION));
        assertEquals("CANCELLED", stored(made.id()).status().name());
        String gone = body(web.send(HttpRequest.GET("/dashboard/households/" + alKhatib).cookie(officer)));
        assertTrue(gone.contains("<span class=\"badge overdue\">Afgezegd</span>"), gone);
        assertFalse(gone.contains("/dashboard/appointments/" + made.id() + "/edit"), "no moving a cancelled one");
        assertEquals(400, web.send(HttpRequest.GET("/dashboard/appointments/" + made.id() + "/edit").cookie(officer))
                .code());
        assertEquals(400, web.send(edit(made.id(), officer, "2026-12-16", "14:00", "15:00")).code());
    }

    @Test
    void anOfficerBooksForSomeMembersWithAnInterpreterAndUnknownChoicesAreRefusedBesideTheirField() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String form = body(web.send(HttpRequest.GET("/dashboard/households/" + haile + "/appointments/new")
                .cookie(officer)));
        assertTrue(form.contains("<option value=\"\">Geen tolk</option>"), form);
        assertTrue(form.contains(">Tigrinya</option>") && form.contains(">Arabisch</option>"), form);
        String mehret = members.findByHouseholdIdInOrderBySortOrder(List.of(haile)).stream()
                .filter(member -> member.displayName().equals("Mehret")).findFirst().orElseThrow().id();
        assertTrue(form.contains("name=\"member-" + mehret + "\""), form);
        int before = stored.findByHouseholdIdOrderByStartsAt(haile).size();

        Map<String, String> bad = booking("Eerste bezoek huisarts");
        bad.put("interpreter", "xx");
        bad.put("member-not-a-member", "on");
        HttpResponse<String> refused = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + haile
                + "/appointments", bad)).cookie(officer));
        assertEquals(400, refused.code());
        String page = body(refused);
        assertTrue(page.contains("<p class=\"error-message\" id=\"interpreter-error\">Kies een taal uit de lijst.</p>"), page);
        assertTrue(page.contains("<p class=\"error-message\" id=\"members-error\">Kies alleen leden van dit huishouden.</p>"),
                page);
        assertEquals(before, stored.findByHouseholdIdOrderByStartsAt(haile).size());

        Map<String, String> good = booking("Eerste bezoek huisarts");
        good.put("interpreter", "ti");
        good.put("member-" + mehret, "on");
        HttpResponse<String> booked = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + haile
                + "/appointments", good)).cookie(officer));
        assertEquals(303, booked.code(), body(booked));
        assertEquals(mehret, booked(haile, "Eerste bezoek huisarts").memberIds());
        assertEquals("ti", booked(haile, "Eerste bezoek huisarts").interpreterLanguage());
        String household = body(web.send(HttpRequest.GET("/dashboard/households/" + haile).cookie(officer)));
        assertTrue(household.contains("voor Mehret") && household.contains("tolk: Tigrinya"), household);
    }

    @Test
    void theMatchedFamilyFriendBooksAndMovesFromTheDashboard() {
        String haile = web.householdId(DemoData.ZWOLLE_BUDDY, "Familie Haile");
        Cookie buddy = web.session(DemoData.ZWOLLE_BUDDY);
        assertEquals(200, web.send(HttpRequest.GET("/dashboard/households/" + haile + "/appointments/new")
                .cookie(buddy)).code());
        HttpResponse<String> booked = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + haile
                + "/appointments", booking("Samen naar de bibliotheek"))).cookie(buddy));
        assertEquals(303, booked.code(), body(booked));
        String id = booked(haile, "Samen naar de bibliotheek").id();

        assertEquals(200, web.send(HttpRequest.GET("/dashboard/appointments/" + id + "/edit").cookie(buddy)).code());
        assertEquals(303, web.send(edit(id, buddy, "2026-12-10", "15:00", "16:00")).code());
        assertEquals(303, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/appointments/" + id + "/cancel",
                Map.of())).cookie(buddy)).code());
        assertEquals("CANCELLED", stored(id).status().name());
    }

    @Test
    void theEditAndCancelPagesAreOnlyForTheHouseholdsOwnStaff() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");
        Appointment made = book(haile, "Gesprek over de woning", "2026-12-14T13:00:00Z", null);
        long version = version(made.id());

        for (String username : List.of(DemoData.DEVENTER_OFFICER, ZWOLLE_EDITOR, DemoData.ADMIN)) {
            int expected = username.equals(DemoData.DEVENTER_OFFICER) ? 404 : 403;
            Cookie session = web.session(username);
            assertEquals(expected, web.send(HttpRequest.GET("/dashboard/appointments/" + made.id() + "/edit")
                    .cookie(session)).code(), username);
            assertEquals(expected, web.send(HttpRequest.GET("/dashboard/appointments/" + made.id() + "/cancel")
                    .cookie(session)).code(), username);
            assertEquals(expected, web.send(edit(made.id(), session, "2026-12-15", "14:00", "15:00")).code(), username);
            assertEquals(expected, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/appointments/" + made.id()
                    + "/cancel", Map.of())).cookie(session)).code(), username);
        }
        for (MutableHttpRequest<?> anonymous : List.of(
                HttpRequest.GET("/dashboard/appointments/" + made.id() + "/edit"),
                HttpRequest.GET("/dashboard/appointments/" + made.id() + "/cancel"),
                web.sameOrigin(HttpRequest.POST("/dashboard/appointments/" + made.id() + "/cancel", Map.of())))) {
            HttpResponse<String> response = web.send(anonymous);
            assertEquals(303, response.code(), anonymous.getPath());
            assertEquals("/login", response.header(HttpHeaders.LOCATION));
        }
        assertEquals(404, web.send(HttpRequest.GET("/dashboard/appointments/no-such-appointment/edit")
                .cookie(web.session(DemoData.ZWOLLE_OFFICER))).code());
        assertEquals(version, version(made.id()), "no refused request changed it");
        assertEquals("PLANNED", stored(made.id()).status().name());
    }

    private Appointment book(String householdId, String purpose, String startsAt, String interpreter) {
        AppUser user = users.findByUsername(DemoData.ZWOLLE_OFFICER).orElseThrow();
        Caller officer = new Caller(Role.OFFICER, user.id(), null, user.municipalityId(), null);
        String endsAt = java.time.Instant.parse(startsAt).plusSeconds(3600).toString();
        return appointments.create(officer, householdId, new AppointmentCommand(AppointmentType.LANGUAGE_SCHOOL,
                purpose, startsAt, endsAt, List.of(), null, "Burgemeester Roelenweg 10", false, null, interpreter, null));
    }

    private void answer(String householdId, String appointmentId, String value) {
        AppUser user = users.findByUsername(DemoData.ZWOLLE_OFFICER).orElseThrow();
        Caller phone = new Caller(Role.NEWCOMER, null, "test-phone", user.municipalityId(), householdId);
        assertEquals(MutationOutcome.APPLIED, appointments.applyAnswer(phone, appointmentId, value).outcome());
    }

    private AppointmentEntity stored(String appointmentId) {
        return stored.findById(appointmentId).orElseThrow();
    }

    private AppointmentEntity booked(String householdId, String purpose) {
        return stored.findByHouseholdIdOrderByStartsAt(householdId).stream()
                .filter(appointment -> appointment.purpose().equals(purpose)).findFirst().orElseThrow();
    }

    private long version(String appointmentId) {
        return stored(appointmentId).version();
    }

    private static Map<String, String> booking(String purpose) {
        Map<String, String> form = new HashMap<>(Map.of("type", "GP", "purpose", purpose, "date", "2026-12-09",
                "from", "09:00", "to", "09:30", "address", "Assendorperstraat 20"));
        return form;
    }

    private MutableHttpRequest<?> edit(String id, Cookie session, String date, String from, String to) {
        return web.sameOrigin(HttpRequest.POST("/dashboard/appointments/" + id, Map.of("type", "LANGUAGE_SCHOOL",
                "purpose", "Inschrijven bij de taalschool", "date", date, "from", from, "to", to,
                "address", "Burgemeester Roelenweg 10", "interpreter", "ar"))).cookie(session);
    }
}
