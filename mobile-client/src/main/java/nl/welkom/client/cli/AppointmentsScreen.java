package nl.welkom.client.cli;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.welkom.client.Appointments;
import nl.welkom.client.Welkom;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.content.Language;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.Places;

/**
 * The family's appointments, offline: what, when (Europe/Amsterdam, in the reader's language),
 * where, what to bring, an interpreter; cancelled and changed ones stand out; the family answers
 * "I will come", "please move it" (with a note) or "I cannot come", sent with the next sync.
 */
final class AppointmentsScreen {

    private static final AppointmentAnswer[] ANSWERS =
            { AppointmentAnswer.CONFIRMED, AppointmentAnswer.ASK_TO_MOVE, AppointmentAnswer.CANNOT_COME };

    private final Ui ui;
    private final Welkom welkom;

    AppointmentsScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        // The reader opened the list: the reminders due now have done their work.
        for (Appointments.Reminder r : welkom.appointments().due(Instant.now())) {
            welkom.appointments().dismiss(r);
        }
        List<String> shown = new ArrayList<>();
        try {
            while (true) {
                List<Appointments.Item> items = welkom.appointments().upcoming();
                if (items.isEmpty()) {
                    ui.say(ui.t("appointments.none"));
                    return;
                }
                ui.blank();
                ui.say(ui.t("appointments.title"));
                for (int i = 0; i < items.size(); i++) {
                    describe(i + 1, items.get(i));
                    shown.add(items.get(i).appointment().id());
                }
                if (welkom.session().isPresent() && welkom.session().get().role() == nl.welkom.model.auth.Role.BUDDY) {
                    return; // answering is the family's: a family friend reads
                }
                int n = ui.choose(ui.t("prompt.appointment_number"), 1, items.size(), true);
                if (n < 0) {
                    return;
                }
                answer(items.get(n - 1));
            }
        } finally {
            // Changed ones stood out once; the next visit shows them as they are.
            for (String id : shown) {
                welkom.appointments().markSeen(id);
            }
        }
    }

    private void describe(int number, Appointments.Item item) {
        Appointment a = item.appointment();
        String head = typeWord(ui, a) + " · " + when(a);
        if (item.cancelled()) {
            head = "✗ " + ui.t("appointment.cancelled") + " · " + head;
        } else if (item.changed()) {
            head = "! " + ui.t("appointment.changed") + " · " + head;
        }
        ui.blank();
        ui.option(Integer.toString(number), head);
        if (a.purpose() != null && !a.purpose().trim().isEmpty()) {
            ui.say("     " + Terminal.isolate(Terminal.sanitize(a.purpose())));
        }
        ui.say("     " + where(a));
        if (a.withName() != null && !a.withName().trim().isEmpty()) {
            ui.say("     " + ui.t("appointment.with", Terminal.isolate(Terminal.sanitize(a.withName()))));
        }
        if (a.bring() != null && !a.bring().trim().isEmpty()) {
            ui.say("     " + ui.t("appointment.bring", Terminal.isolate(Terminal.sanitize(a.bring()))));
        }
        if (a.interpreterLanguage() != null && !a.interpreterLanguage().trim().isEmpty()) {
            ui.say("     " + ui.t("appointment.interpreter", Terminal.isolate(languageName(a.interpreterLanguage()))));
        }
        if (a.answer() != null && a.answer() != AppointmentAnswer.NONE) {
            String answer = ui.t("appointment.answered", ui.t("appointment.answer." + a.answer().name()));
            if (a.answerNote() != null && !a.answerNote().isEmpty()) {
                answer += " · " + Terminal.isolate(Terminal.sanitize(a.answerNote()));
            }
            ui.say("     " + answer + (item.answerPending() ? " " + ui.t("appointment.pending") : ""));
        }
    }

    private void answer(Appointments.Item item) {
        if (item.cancelled()) {
            ui.say(ui.t("appointment.cannot_answer_cancelled"));
            return;
        }
        ui.blank();
        for (int i = 0; i < ANSWERS.length; i++) {
            ui.option(Integer.toString(i + 1), ui.t("appointment.answer." + ANSWERS[i].name()));
        }
        int choice = ui.choose(ui.t("prompt.appointment_answer"), 1, ANSWERS.length, true);
        if (choice < 0) {
            return;
        }
        AppointmentAnswer answer = ANSWERS[choice - 1];
        String note = null;
        if (answer == AppointmentAnswer.ASK_TO_MOVE) {
            while (true) {
                note = ui.ask(ui.t("prompt.appointment_note")).trim();
                if (note.codePointCount(0, note.length()) <= Appointments.MAX_NOTE_LENGTH) {
                    break;
                }
                ui.say(ui.t("task.note_too_long", Appointments.MAX_NOTE_LENGTH));
            }
        }
        welkom.appointments().answer(item.appointment().id(), answer, note);
        ui.say(ui.t("appointment.saved"));
    }

    /** The appointment's type in the reader's words. */
    static String typeWord(Ui ui, Appointment a) {
        return ui.t("appointment.type." + a.type().name());
    }

    /** "Tuesday 24 November, 10:00 to 10:30" in Europe/Amsterdam, the day and month in the reader's language. */
    String when(Appointment a) {
        ZonedDateTime start = Instant.parse(a.startsAt()).atZone(Appointments.ZONE);
        ZonedDateTime end = Instant.parse(a.endsAt()).atZone(Appointments.ZONE);
        return ui.t("appointment.when", Terminal.isolate(day(start)), time(start), time(end));
    }

    String day(ZonedDateTime at) {
        return ReaderTime.day(welkom, at);
    }

    static String time(ZonedDateTime at) {
        return ReaderTime.time(at);
    }

    private String where(Appointment a) {
        if (a.byPhone()) {
            return ui.t("appointment.by_phone");
        }
        Optional<Places> places = welkom.places();
        if (a.placeId() != null && places.isPresent() && places.get().places() != null) {
            for (Place p : places.get().places()) {
                if (a.placeId().equals(p.id())) {
                    String address = p.address() == null ? "" : ", " + p.address() + (p.city() == null ? "" : " " + p.city());
                    return ui.t("appointment.where", Terminal.isolate(Terminal.sanitize(p.name() + address)));
                }
            }
        }
        String address = a.address() == null ? "" : a.address();
        return ui.t("appointment.where", Terminal.isolate(Terminal.sanitize(address)));
    }

    private String languageName(String code) {
        for (Language l : welkom.availableLanguages()) {
            if (code.equals(l.code()) && l.nativeName() != null) {
                return Terminal.sanitize(l.nativeName());
            }
        }
        return Terminal.sanitize(code);
    }

    /** The reminders due now, as lines for the home screen. */
    static List<String> reminders(Ui ui, Welkom welkom, Instant now) {
        AppointmentsScreen screen = new AppointmentsScreen(ui, welkom);
        List<String> lines = new ArrayList<>();
        for (Appointments.Reminder r : welkom.appointments().due(now)) {
            Appointment a = r.item().appointment();
            ZonedDateTime start = Instant.parse(a.startsAt()).atZone(Appointments.ZONE);
            lines.add(r.kind() == Appointments.ReminderKind.HOUR_BEFORE
                    ? ui.t("reminder.hour", typeWord(ui, a), time(start))
                    : ui.t("reminder.coming", typeWord(ui, a), Terminal.isolate(screen.day(start)), time(start)));
        }
        return lines;
    }
}
