package nl.welkom.client.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.welkom.client.Journey;
import nl.welkom.client.Welkom;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/** My journey and tasks: the stages, each task with who does it and when, ticking and notes — all offline. */
final class JourneyScreen {

    private final Ui ui;
    private final Welkom welkom;

    JourneyScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        if (!welkom.session().isPresent()) {
            ui.say(ui.t("activate.first"));
            return;
        }
        new SyncScreen(ui, welkom).showNotices();
        while (true) {
            List<Household> households = welkom.journey().households();
            ui.blank();
            if (households.isEmpty()) {
                ui.say(ui.t("journey.after_sync"));
                return;
            }
            Household h;
            if (households.size() == 1) {
                h = households.get(0);
            } else {
                ui.say(ui.t("journey.families"));
                for (int i = 0; i < households.size(); i++) {
                    ui.option(Integer.toString(i + 1), Terminal.isolate(Terminal.sanitize(households.get(i).displayName())));
                }
                int choice = ui.choose(ui.t("prompt.family_number"), 1, households.size(), true);
                if (choice < 0) {
                    return;
                }
                h = households.get(choice - 1);
            }
            household(h);
            if (households.size() == 1) {
                return;
            }
        }
    }

    /** One household's journey and tasks; returns when the reader goes back. */
    private void household(Household h) {
        while (true) {
            List<Task> tasks = welkom.journey().tasks(h.id());
            Set<String> pending = welkom.journey().pendingTaskIds();
            ui.blank();
            ui.say(ui.t("journey.title", Terminal.isolate(Terminal.sanitize(h.displayName()))));
            if (h.stage() != null) {
                ui.say(ui.t("journey.stage", stage(ui, h.stage()), h.stage().ordinal() + 1, JourneyStage.values().length));
            }
            if (tasks.isEmpty()) {
                ui.say(ui.t("journey.no_tasks"));
                return;
            }
            helpsWith(tasks);
            JourneyStage shownStage = null;
            for (int i = 0; i < tasks.size(); i++) {
                Task t = tasks.get(i);
                if (t.stage() != shownStage && t.stage() != null) {
                    shownStage = t.stage();
                    ui.say("  " + stage(ui, shownStage));
                }
                taskLine(i + 1, t, pending.contains(t.id()));
            }
            if (!pending.isEmpty()) {
                ui.say(ui.t("journey.waiting", ui.n("count.changes", welkom.pendingChanges())));
            }
            int choice = ui.choose(ui.t("prompt.task_number"), 1, tasks.size(), true);
            if (choice < 0) {
                return;
            }
            task(tasks.get(choice - 1));
        }
    }

    /** On a family friend's phone, the open tasks they help with come first, before the whole journey. */
    private void helpsWith(List<Task> tasks) {
        boolean buddy = welkom.session().isPresent()
                && welkom.session().get().role() == nl.welkom.model.auth.Role.BUDDY;
        if (!buddy) {
            return;
        }
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            if (t.assignee() == TaskAssignee.BUDDY && t.status() != TaskStatus.DONE) {
                mine.add((i + 1) + "  " + Terminal.isolate(title(t, welkom.languages(), ui)[0]));
            }
        }
        if (!mine.isEmpty()) {
            ui.say(ui.t("journey.you_help_with"));
            for (String line : mine) {
                ui.say("  " + line);
            }
        }
    }

    /** One task: tick or reopen it, write or clear its note. Everything works offline. */
    private void task(Task task) {
        String[] title = title(task, welkom.languages(), ui);
        ui.blank();
        ui.term.line("== " + title[0] + " ==", ui.rtl(title[1]));
        if (task.note() != null) {
            ui.say(noteLine(ui, task, task.note()));
        }
        boolean done = task.status() == TaskStatus.DONE;
        // Only an officer ticks an officer's task (the server's rule, docs/sync.md): not offered here.
        boolean mayTick = Journey.mayTick(task);
        if (mayTick) {
            ui.option("1", done ? ui.t("task.reopen") : ui.t("task.complete"));
        } else {
            ui.say(ui.t("task.officers_own"));
        }
        ui.option("2", task.note() == null ? ui.t("task.write_note") : ui.t("task.change_note"));
        if (task.note() != null) {
            ui.option("3", ui.t("task.remove_note"));
        }
        int choice = ui.choose(ui.t("prompt.choice_or_back"), mayTick ? 1 : 2, task.note() == null ? 2 : 3, true);
        if (choice == 1) {
            Task now = done ? welkom.journey().reopen(task.id()) : welkom.journey().complete(task.id());
            ui.say(now.status() == TaskStatus.DONE ? ui.t("task.completed_pending") : ui.t("task.reopened_pending"));
        } else if (choice == 2) {
            String note = ui.ask(ui.t("prompt.note", Journey.MAX_NOTE_LENGTH));
            if (note.isEmpty()) {
                return;
            }
            if (note.codePointCount(0, note.length()) > Journey.MAX_NOTE_LENGTH) {
                ui.say(ui.t("task.note_too_long", Journey.MAX_NOTE_LENGTH));
                return;
            }
            welkom.journey().setNote(task.id(), note);
            ui.say(ui.t("task.note_saved_pending"));
        } else if (choice == 3) {
            welkom.journey().setNote(task.id(), "");
            ui.say(ui.t("task.note_removed_pending"));
        }
    }

    private void taskLine(int number, Task t, boolean pending) {
        String[] title = title(t, welkom.languages(), ui);
        String box = t.status() == TaskStatus.DONE ? "[x]" : "[ ]";
        if (ui.rtl(title[1])) {
            ui.term.line(number + "  " + box + " " + title[0], true);
        } else {
            ui.term.line(String.format(Locale.ROOT, "%4d  %s %s", number, box, title[0]));
        }
        List<String> details = new ArrayList<>();
        details.add(t.assignee() == null ? ui.t("assignee.unknown") : ui.t("assignee." + t.assignee().name()));
        if (t.status() == TaskStatus.DONE) {
            details.add(t.completedAt() != null && t.completedAt().length() >= 10
                    ? ui.t("task.done_on", Terminal.sanitize(t.completedAt().substring(0, 10))) : ui.t("task.done"));
        } else if (t.dueDate() != null) {
            details.add(ui.t("task.due", Terminal.sanitize(t.dueDate())));
        }
        List<String> chain = welkom.languages();
        if (!chain.isEmpty() && !chain.get(0).equals(title[1])) {
            details.add("[" + Terminal.sanitize(title[1]) + "]");
        }
        if (pending) {
            details.add("⟳ " + ui.t("task.waiting"));
        }
        ui.say("         " + String.join(" · ", details));
        if (t.note() != null) {
            // The note is someone's own text, in any script: isolated so it cannot reorder the label around it.
            ui.say("         " + noteLine(ui, t, firstLine(t.note())));
        }
    }

    /** "Note (your officer Sanne de Vries, 2026-12-03 14:30): …", or without the author when the note has none. */
    static String noteLine(Ui ui, Task t, String text) {
        String note = Terminal.isolate(Terminal.sanitize(text));
        if (t.noteByRole() == null) {
            return ui.t("task.note", note);
        }
        String who;
        switch (t.noteByRole()) {
            case "OFFICER":
                who = ui.t("note.by_officer", Terminal.isolate(Terminal.sanitize(t.noteByName() == null ? "" : t.noteByName())));
                break;
            case "BUDDY":
                who = ui.t("note.by_buddy", Terminal.isolate(Terminal.sanitize(t.noteByName() == null ? "" : t.noteByName())));
                break;
            default:
                who = ui.t("note.by_family");
                break;
        }
        String when = Ui.minute(t.noteAt());
        return ui.t("task.note_by", who, Terminal.isolate(when), note);
    }

    static String stage(Ui ui, JourneyStage stage) {
        return ui.t("stage." + stage.name());
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " …";
    }

    /** The task title in the first language of the chain that has one, then Dutch: {title, language}. */
    static String[] title(Task t, List<String> chain, Ui ui) {
        Map<String, String> titles = t.titles() == null ? Collections.<String, String>emptyMap() : t.titles();
        List<String> order = new ArrayList<>(chain);
        order.add("nl");
        for (String code : order) {
            String title = titles.get(code);
            if (title != null) {
                return new String[] {Terminal.sanitize(title), code};
            }
        }
        for (Map.Entry<String, String> e : titles.entrySet()) {
            return new String[] {Terminal.sanitize(e.getValue()), e.getKey()};
        }
        return new String[] {ui.t("task.untitled"), null};
    }
}
