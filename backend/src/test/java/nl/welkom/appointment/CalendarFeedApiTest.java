package nl.welkom.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.model.appointment.Appointment;

class CalendarFeedApiTest {
    private static final Api API = new Api();

    @Test
    void anOfficersFeedParsesAndShowsAMoveAsAHigherSequenceAndACancelAsCancelled() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        String path = feedPath(officer);
        AppointmentCommand command = Appointments.command("Gesprek over werk", 10);
        Appointment moved = Appointments.create(API, officer, household, command);
        Instant later = Instant.parse(command.startsAt()).plus(1, ChronoUnit.DAYS);
        API.put("/api/appointments/" + moved.id(), officer, new AppointmentCommand(command.type(), command.purpose(),
                later.toString(), later.plus(90, ChronoUnit.MINUTES).toString(), null, command.placeId(), null, false,
                null, null, null)).as(Appointment.class);
        Appointment cancelled = Appointments.create(API, officer, household, Appointments.command("Vervalt", 11));
        API.post("/api/appointments/" + cancelled.id() + "/cancel", officer, "").as(Appointment.class);

        Api.Response response = API.get(path, null);
        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("text/calendar"));
        assertTrue(response.body().contains("BEGIN:VTIMEZONE") && response.body().contains("TZID:Europe/Amsterdam"));
        assertTrue(response.body().contains("DTSTART;TZID=Europe/Amsterdam:"), response.body());

        ICalendar calendar = Biweekly.parse(response.body()).first();
        VEvent move = event(calendar, moved.id());
        assertEquals(1, move.getSequence().getValue());
        assertEquals(later, move.getDateStart().getValue().toInstant());
        assertEquals(later.plus(90, ChronoUnit.MINUTES), move.getDateEnd().getValue().toInstant());
        assertEquals("Gemeentehuis – Family Appointment", move.getSummary().getValue());
        assertEquals("Gemeentehuis Testdorp", move.getLocation().getValue());
        VEvent cancel = event(calendar, cancelled.id());
        assertTrue(cancel.getStatus().isCancelled());
        assertEquals(1, cancel.getSequence().getValue());
        assertFalse(response.body().contains("Gesprek over werk"), "the purpose stays out of the feed");
        assertTrue(TestServer.get().queryLong("SELECT COUNT(*) FROM audit_event WHERE action = ?"
                + " AND household_id = ?", AppointmentAudit.FEED_READ, household) >= 1);
    }

    @Test
    void aRevokedOrReplacedTokenNoLongerOpensTheFeed() {
        String officer = API.login(Fixtures.OFFICER);
        String first = feedPath(officer);
        String second = feedPath(officer);
        API.get(first, null).problem(404);
        assertEquals(200, API.get(second, null).status());

        assertEquals(204, API.send("DELETE", "/api/me/calendar-feed", officer, null).status());
        API.get(second, null).problem(404);
        API.get("/calendar/made-up-token.ics", null).problem(404);
        API.get("/calendar/" + second.substring("/calendar/".length(), second.length() - 4), null).problem(404);
    }

    @Test
    void aBuddysFeedHoldsOnlyMatchedHouseholds() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        Appointment made = Appointments.create(API, officer, household, Appointments.command("Taalschool", 12));

        ICalendar matched = Biweekly.parse(API.get(feedPath(API.login(Appointments.BUDDY)), null).body()).first();
        assertNotNull(event(matched, made.id()));
        String unmatched = API.get(feedPath(API.login(Fixtures.BUDDY)), null).body();
        assertFalse(unmatched.contains(made.id()));
        String elsewhere = API.get(feedPath(API.login(Fixtures.OTHER_OFFICER)), null).body();
        assertFalse(elsewhere.contains(made.id()));
    }

    @Test
    void oneAppointmentAsICalendarForThoseWhoMaySeeItTheFamilyWithoutItsName() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, Appointments.HOUSEHOLD);
        Appointment made = Appointments.create(API, officer, household, Appointments.command("Huisarts", 13));
        String path = "/api/appointments/" + made.id() + ".ics";

        VEvent staff = event(Biweekly.parse(API.get(path, officer).body()).first(), made.id());
        assertEquals("Gemeentehuis – Family Appointment", staff.getSummary().getValue());
        VEvent family = event(Biweekly.parse(API.get(path, Fixtures.device(API, Appointments.HOUSEHOLD).token())
                .body()).first(), made.id());
        assertEquals("Gemeentehuis", family.getSummary().getValue());

        API.get(path, API.login(Fixtures.OTHER_OFFICER)).problem(404);
        API.get(path, API.login(Fixtures.BUDDY)).problem(404);
        API.get(path, Fixtures.device(API, "T-UNMATCHED").token()).problem(404);
        API.get(path, API.login(Fixtures.EDITOR)).problem(403);
        API.get(path, API.login(Fixtures.ADMIN)).problem(403);
        API.get(path, null).problem(401);
        API.get("/api/appointments/" + made.id(), officer).problem(404);
    }

    @Test
    void onlyStaffMakeOrRevokeAFeed() {
        for (String token : List.of(Fixtures.device(API, "T-UNMATCHED").token(), API.login(Fixtures.EDITOR),
                API.login(Fixtures.ADMIN))) {
            API.post("/api/me/calendar-feed", token, "").problem(403);
            API.send("DELETE", "/api/me/calendar-feed", token, null).problem(403);
        }
        API.post("/api/me/calendar-feed", null, "").problem(401);
        API.send("DELETE", "/api/me/calendar-feed", null, null).problem(401);
    }

    @SuppressWarnings("unchecked")
    private static String feedPath(String token) {
        Api.Response response = API.post("/api/me/calendar-feed", token, "");
        assertEquals(201, response.status(), response.body());
        Map<String, String> feed = response.as(Map.class);
        assertTrue(feed.get("token").length() >= 22, "at least 128 random bits");
        return feed.get("path");
    }

    private static VEvent event(ICalendar calendar, String uid) {
        return calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid));
    }
}
