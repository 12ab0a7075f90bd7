package nl.welkom.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import nl.welkom.client.Fixtures;
import nl.welkom.client.Welkom;
import nl.welkom.client.store.InMemoryLocalStore;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.appointment.AppointmentType;
import nl.welkom.model.i18n.Bundle;
import nl.welkom.model.sync.MutationType;

/** The appointments screen speaks the reader's language and queues the family's answer. */
class AppointmentsScreenTest {

    private static final Bundle BUNDLE = Bundle.load(Bundle.COMPANION);

    private final InMemoryLocalStore store = new InMemoryLocalStore();
    private final Welkom welkom = Welkom.builder().baseUrl("http://localhost:1/").store(store)
            .clock(Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC)).build();

    private String run(String language, String input) {
        welkom.setLanguages(Arrays.asList(language, "en"));
        Fixtures.storeAppointments(store, Arrays.asList(
                // Tuesday 24 November 2026, 10:00–10:30 in Amsterdam.
                new Appointment("a1", Fixtures.HOUSEHOLD_ID, Collections.<String>emptyList(), AppointmentType.GP,
                        "Kennismaking", "2026-11-24T09:00:00Z", "2026-11-24T09:30:00Z", null, "Stationsweg 12, Zwolle",
                        false, "Verzekeringspas", null, "Dokter Visser", AppointmentStatus.PLANNED, AppointmentAnswer.NONE,
                        null, 0, 2),
                new Appointment("a2", Fixtures.HOUSEHOLD_ID, Collections.<String>emptyList(), AppointmentType.TOWN_HALL,
                        "Paspoort", "2026-11-25T13:00:00Z", "2026-11-25T13:15:00Z", null, null, true, null, null, null,
                        AppointmentStatus.CANCELLED, AppointmentAnswer.NONE, null, 1, 2)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Ui ui = new Ui(new Terminal(out, 200), new BufferedReader(new StringReader(input)), false, welkom, BUNDLE);
        try {
            new AppointmentsScreen(ui, welkom).show();
        } catch (Ui.EndOfInput e) {
            // the script ended
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anArabicReaderSeesArabicWordsAndHerAnswerWaitsInTheOutbox() {
        String screen = run("ar", "1\n1\n\n");

        assertTrue(screen.contains("طبيب العائلة"), screen);       // the type word
        assertTrue(screen.contains("الثلاثاء"), screen);           // Tuesday
        assertTrue(screen.contains("10:00"), "Amsterdam time: " + screen);
        assertTrue(screen.contains("ملغى"), "the cancelled one stands out: " + screen);
        assertTrue(screen.contains("عبر الهاتف"), screen);         // by phone
        assertTrue(screen.contains("سأحضر"), screen);              // I will come
        assertTrue(screen.contains("(يُرسل مع المزامنة القادمة)"), "the pending answer is shown: " + screen);
        for (String english : new String[] { "Family doctor", "Where:", "Bring:", "I will come", "CANCELLED",
                "By phone", "Your answer", "Tuesday" }) {
            assertFalse(screen.contains(english), english + " in " + screen);
        }
        assertEquals(1, store.outbox().size());
        assertEquals(MutationType.APPOINTMENT_ANSWER, store.outbox().get(0).type());
        assertEquals("CONFIRMED", store.outbox().get(0).value());
    }

    @Test
    void aTigrinyaReaderAsksToMoveItWithANote() {
        String screen = run("ti", "1\n2\nሰሉስ ድሕሪ ቀትሪ\n\n");

        assertTrue(screen.contains("ሓኪም ስድራ"), screen);          // family doctor
        assertTrue(screen.contains("ሠሉስ"), screen);               // Tuesday in Ge'ez script
        assertTrue(screen.contains("በጃኹም ኣግዕዝዎ"), screen);        // please move it
        for (String english : new String[] { "Family doctor", "Where:", "Please move it", "Your answer", "Tuesday" }) {
            assertFalse(screen.contains(english), english + " in " + screen);
        }
        assertEquals("ASK_TO_MOVE:ሰሉስ ድሕሪ ቀትሪ", store.outbox().get(0).value());
    }

    @Test
    void aCancelledAppointmentCannotBeAnswered() {
        String screen = run("en", "2\n\n");

        assertTrue(screen.contains("This appointment is cancelled"), screen);
        assertTrue(store.outbox().isEmpty());
    }
}
