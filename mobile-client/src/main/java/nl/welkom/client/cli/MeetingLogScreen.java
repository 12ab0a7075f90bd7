package nl.welkom.client.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.welkom.client.Meetings;
import nl.welkom.client.Welkom;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.content.Language;
import nl.welkom.model.i18n.Catalog;

/**
 * A family friend's meeting log, offline: pick a family, see its meetings (newest first, pending ones
 * marked, the tasks each moved forward and the note), and log one — the day (today, or days ago),
 * what they did together, the open tasks it moved forward (those the family friend helps with first)
 * and a note for the coordinator. Saved on the phone and sent with the next sync.
 */
final class MeetingLogScreen {

    /** How far back a meeting can be logged, in days. */
    static final int MAX_DAYS_AGO = 90;

    private final Ui ui;
    private final Welkom welkom;

    MeetingLogScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        List<Household> households = welkom.meetings().households();
        if (households.isEmpty()) {
            ui.say(ui.t("meetings.no_families"));
            return;
        }
        if (households.size() == 1) {
            family(households.get(0));
            return;
        }
        while (true) {
            ui.blank();
            ui.say(ui.t("messages.pick_family"));
            for (int i = 0; i < households.size(); i++) {
                ui.option(Integer.toString(i + 1), name(households.get(i)));
            }
            int n = ui.choose(ui.t("prompt.choice"), 1, households.size(), true);
            if (n < 0) {
                return;
            }
            family(households.get(n - 1));
        }
    }

    private void family(Household h) {
        while (true) {
            ui.blank();
            ui.say(ui.t("meetings.title", name(h)));
            List<Meetings.Entry> meetings = welkom.meetings().of(h.id());
            if (meetings.isEmpty()) {
                ui.say(ui.t("meetings.empty"));
            }
            for (Meetings.Entry e : meetings) {
                describe(e);
            }
            ui.blank();
            ui.option("1", ui.t("meetings.log"));
            int n = ui.choose(ui.t("prompt.choice"), 1, 1, true);
            if (n < 0) {
                return;
            }
            log(h);
        }
    }

    private void describe(Meetings.Entry e) {
        Meeting m = e.meeting();
        StringBuilder head = new StringBuilder(Terminal.isolate(Terminal.sanitize(m.date())));
        if (e.pending()) {
            head.append(" · ").append(ui.t("messages.pending"));
        }
        ui.blank();
        ui.say(head.toString());
        ui.say("  " + Terminal.isolate(Terminal.sanitize(m.what())));
        List<String> titles = new ArrayList<>();
        if (m.taskIds() != null) {
            for (String id : m.taskIds()) {
                for (Task t : welkom.journey().tasks(m.householdId())) {
                    if (t.id().equals(id)) {
                        titles.add(JourneyScreen.title(t, welkom.languages(), ui)[0]);
                    }
                }
            }
        }
        if (!titles.isEmpty()) {
            ui.say("  " + ui.t("meetings.moved_tasks", Terminal.isolate(String.join(", ", titles))));
        }
        if (m.note() != null) {
            ui.say("  " + ui.t("meetings.note_shown", Terminal.isolate(Terminal.sanitize(m.note()))));
        }
    }

    private void log(Household h) {
        LocalDate today = welkom.meetings().today();
        int daysAgo;
        while (true) {
            String line = ui.ask(ui.t("meetings.when", MAX_DAYS_AGO)).trim();
            daysAgo = line.isEmpty() ? 0 : Ui.number(line);
            if (daysAgo >= 0 && daysAgo <= MAX_DAYS_AGO) {
                break;
            }
            ui.say(ui.t("error.number_range_or_enter", 0, MAX_DAYS_AGO));
        }
        String what;
        while (true) {
            what = ui.ask(ui.t("meetings.what", Meeting.MAX_WHAT)).trim();
            if (what.isEmpty()) {
                ui.say(ui.t("meetings.not_saved"));
                return;
            }
            if (what.codePointCount(0, what.length()) <= Meeting.MAX_WHAT) {
                break;
            }
            ui.say(ui.t("meetings.too_long", Meeting.MAX_WHAT));
        }
        List<String> taskIds = pickTasks(h);
        String note;
        while (true) {
            note = ui.ask(ui.t("meetings.note", Meeting.MAX_NOTE)).trim();
            if (note.codePointCount(0, note.length()) <= Meeting.MAX_NOTE) {
                break;
            }
            ui.say(ui.t("meetings.too_long", Meeting.MAX_NOTE));
        }
        welkom.meetings().log(h.id(), today.minusDays(daysAgo), what, taskIds, note);
        ui.say(ui.t("meetings.saved"));
    }

    /**
     * The family's open tasks the friend may tick ({@code Meetings.tickable}: never the officer's own),
     * those the family friend helps with first; the reader types their numbers.
     */
    private List<String> pickTasks(Household h) {
        List<Task> open = welkom.meetings().tickable(h.id());
        List<String> chosen = new ArrayList<>();
        if (open.isEmpty()) {
            return chosen;
        }
        ui.say(ui.t("meetings.tasks"));
        for (int i = 0; i < open.size(); i++) {
            Task t = open.get(i);
            String mark = t.assignee() == TaskAssignee.BUDDY ? "★ " : "  ";
            ui.option(Integer.toString(i + 1), mark + Terminal.isolate(JourneyScreen.title(t, welkom.languages(), ui)[0]));
        }
        ui.say("  " + ui.t("meetings.star_is_yours"));
        while (true) {
            String line = ui.ask(ui.t("meetings.which_tasks", open.size())).trim();
            chosen.clear();
            boolean ok = true;
            if (!line.isEmpty()) {
                for (String part : line.split("[,،\\s]+")) {
                    int n = Ui.number(part);
                    if (n < 1 || n > open.size()) {
                        ok = false;
                        break;
                    }
                    chosen.add(open.get(n - 1).id());
                }
            }
            if (ok) {
                return chosen;
            }
            ui.say(ui.t("error.number_range_or_enter", 1, open.size()));
        }
    }

    private static String name(Household h) {
        return Terminal.isolate(Terminal.sanitize(h.displayName() == null ? "" : h.displayName()));
    }

    /** Language codes as names, each in its own language as the language list shows them: "Nederlands, English". */
    static String languageNames(Ui ui, Welkom welkom, List<String> codes) {
        List<String> names = new ArrayList<>();
        Map<String, Catalog> catalogs = ui.bundle().languages();
        for (String code : codes) {
            if (code == null) {
                continue;
            }
            String name = null;
            Catalog c = catalogs.get(code);
            if (c != null && c.nativeName() != null) {
                name = c.nativeName();
            }
            for (Language l : welkom.availableLanguages()) {
                if (name == null && code.equals(l.code()) && l.nativeName() != null) {
                    name = l.nativeName();
                }
            }
            names.add(Terminal.sanitize(name == null ? code : name));
        }
        return String.join(", ", names);
    }
}
