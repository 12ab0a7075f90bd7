package nl.welkom.client.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.welkom.client.Meetings;
import nl.welkom.client.SyncResult;
import nl.welkom.client.Welkom;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.model.household.FamilyFriend;
import nl.welkom.model.household.Household;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * The home screen: who the phone belongs to, what matters now (the next open tasks, soonest due
 * first, the family's own marked; what the last sync brought; edits waiting to sync) and the menu.
 */
final class HomeScreen {

    /** Open tasks shown on the home screen. */
    private static final int NEXT_TASKS = 3;

    private final Ui ui;
    private final Welkom welkom;

    HomeScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    /** What the reader can do from the home screen. */
    enum Action { ACTIVATE, LANGUAGE, LESSONS, JOURNEY, SYNC, SIGN_IN, COURSE, PHRASEBOOK, PLACES, ASK, FAMILIES,
        MESSAGES, ANNOUNCEMENTS, COURSE_PROGRESS, SIGN_OUT, APPOINTMENTS, MEETINGS, QUIT }

    /**
     * Shows the home screen and the menu of the phone's person — a family's (or a phone not yet
     * connected) or a family friend's, who has their own — and returns the reader's choice.
     */
    Action show() {
        ui.blank();
        ui.say(status());
        whatMattersNow();
        ui.blank();
        List<Action> actions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean buddy = welkom.session().isPresent() && welkom.session().get().role() == Role.BUDDY;
        if (buddy) {
            add(actions, labels, Action.FAMILIES, "menu.families");
            add(actions, labels, Action.MESSAGES, "menu.messages");
            add(actions, labels, Action.APPOINTMENTS, "menu.appointments");
            add(actions, labels, Action.COURSE_PROGRESS, "menu.course_progress");
            add(actions, labels, Action.MEETINGS, "menu.meetings");
            add(actions, labels, Action.LESSONS, "menu.lessons");
            add(actions, labels, Action.PHRASEBOOK, "menu.phrasebook");
            add(actions, labels, Action.SYNC, "menu.sync");
            add(actions, labels, Action.LANGUAGE, "menu.language");
            add(actions, labels, Action.SIGN_OUT, "menu.sign_out");
        } else {
            add(actions, labels, Action.ACTIVATE, welkom.session().isPresent() ? "menu.activate_again" : "menu.activate");
            add(actions, labels, Action.LANGUAGE, "menu.language");
            add(actions, labels, Action.LESSONS, "menu.lessons");
            add(actions, labels, Action.JOURNEY, "menu.journey");
            add(actions, labels, Action.SYNC, "menu.sync");
            add(actions, labels, Action.SIGN_IN, "menu.sign_in");
            add(actions, labels, Action.COURSE, "menu.course");
            add(actions, labels, Action.PHRASEBOOK, "menu.phrasebook");
            add(actions, labels, Action.PLACES, "menu.places");
            add(actions, labels, Action.ASK, "menu.ask");
            add(actions, labels, Action.APPOINTMENTS, "menu.appointments");
            add(actions, labels, Action.MESSAGES, "menu.messages");
            add(actions, labels, Action.ANNOUNCEMENTS, "menu.announcements");
        }
        for (int i = 0; i < actions.size(); i++) {
            ui.option(Integer.toString(i + 1), labels.get(i));
        }
        ui.option("0", ui.t("menu.quit"));
        int choice = ui.choose(ui.t("prompt.choice"), 0, actions.size(), false);
        return choice == 0 ? Action.QUIT : actions.get(choice - 1);
    }

    private void add(List<Action> actions, List<String> labels, Action action, String key) {
        actions.add(action);
        labels.add(ui.t(key));
    }

    private String status() {
        Optional<Session> session = welkom.session();
        List<String> parts = new ArrayList<>();
        if (!session.isPresent()) {
            parts.add(ui.t("home.not_activated"));
        } else {
            parts.add(Terminal.isolate(Terminal.sanitize(session.get().municipalityName())));
            Optional<Household> household = welkom.journey().household();
            if (household.isPresent()) {
                parts.add(Terminal.isolate(Terminal.sanitize(household.get().displayName())));
            } else if (session.get().role() == Role.BUDDY) {
                parts.add(ui.t("home.family_friend", Terminal.isolate(Terminal.sanitize(session.get().displayName())),
                        ui.n("count.families", welkom.journey().households().size())));
            }
        }
        return String.join(" · ", parts);
    }

    private void whatMattersNow() {
        // Appointment reminders first: the evening before and the hour before, until the list is opened.
        for (String reminder : AppointmentsScreen.reminders(ui, welkom, java.time.Instant.now())) {
            ui.say("⏰ " + reminder);
        }
        int unread = welkom.messages().unreadTotal();
        if (unread > 0) {
            ui.say("✉ " + ui.t("home.unread_messages", unread));
        }
        familyFriend();
        int fresh = welkom.announcements().fresh().size();
        if (fresh > 0) {
            // New announcements are shown once, here; afterwards they are in the announcements list.
            ui.say("📢 " + ui.t("home.new_announcements", fresh));
            AnnouncementsScreen.showFresh(ui, welkom);
            ui.blank();
        }
        List<Task> next = nextTasks();
        if (!next.isEmpty()) {
            ui.say(ui.t("home.next_tasks"));
            for (Task t : next) {
                String[] title = JourneyScreen.title(t, welkom.languages(), ui);
                String mark = t.assignee() == TaskAssignee.FAMILY ? "★ " : "  ";
                String due = t.dueDate() == null ? "" : " · " + ui.t("task.due", Terminal.sanitize(t.dueDate()));
                ui.say("  " + mark + Terminal.isolate(title[0]) + due);
            }
            ui.say("  " + ui.t("home.star_is_yours"));
        }
        Optional<SyncResult> last = welkom.lastSync();
        if (last.isPresent()) {
            SyncResult r = last.get();
            String when = r.finishedAt() == null ? "" : r.finishedAt().replace('T', ' ').replace("Z", " UTC");
            ui.say(ui.t("home.last_sync", Terminal.isolate(when), new SyncScreen(ui, welkom).summary(r)));
        } else if (welkom.session().isPresent()) {
            ui.say(ui.t("home.never_synced"));
        }
        int pending = welkom.pendingChanges();
        if (pending > 0) {
            ui.say(ui.t("home.pending", ui.n("count.changes", pending)));
        }
        int tries = ui.autoSync() == null ? 0 : ui.autoSync().failures();
        if (tries > 0) {
            ui.say(ui.n("home.retrying", tries));
        }
        sayIfReadingInAnotherLanguage(ui, welkom);
    }

    /**
     * The family's phone names its family friend and the languages they speak; a family friend's phone
     * gently names the families not met for three weeks or more (nl.welkom.client.Meetings#quiet).
     */
    private void familyFriend() {
        Optional<Household> own = welkom.journey().household();
        if (own.isPresent() && own.get().familyFriend() != null && own.get().familyFriend().firstName() != null) {
            FamilyFriend friend = own.get().familyFriend();
            String name = Terminal.isolate(Terminal.sanitize(friend.firstName()));
            List<String> languages = friend.languages() == null ? java.util.Collections.<String>emptyList() : friend.languages();
            ui.say("🤝 " + (languages.isEmpty() ? ui.t("home.family_friend_is", name)
                    : ui.t("home.family_friend_speaks", name,
                            Terminal.isolate(MeetingLogScreen.languageNames(ui, welkom, languages)))));
        }
        for (Meetings.Quiet q : welkom.meetings().quiet(welkom.meetings().today())) {
            String family = Terminal.isolate(Terminal.sanitize(q.household().displayName() == null ? "" : q.household().displayName()));
            ui.say("🌱 " + (q.met() ? ui.n("home.quiet_weeks", q.days() / 7, family) : ui.t("home.quiet_never", family)));
        }
    }

    /** Open tasks, soonest due first (no due date last), at most {@link #NEXT_TASKS}. */
    private List<Task> nextTasks() {
        List<Task> open = new ArrayList<>();
        for (Task t : welkom.journey().tasks()) {
            if (t.status() != TaskStatus.DONE) {
                open.add(t);
            }
        }
        open.sort(Comparator.comparing((Task t) -> t.dueDate() == null ? "\uffff" : t.dueDate()).thenComparing(Task::id));
        return open.size() > NEXT_TASKS ? open.subList(0, NEXT_TASKS) : open;
    }

    /** After a language change offline: the lessons are still in the languages the phone has, and the reader is told. */
    static void sayIfReadingInAnotherLanguage(Ui ui, Welkom welkom) {
        List<String> chain = welkom.languages();
        List<String> stored = welkom.lessons().languages();
        if (!chain.isEmpty() && !stored.isEmpty() && !stored.get(0).equals(chain.get(0))) {
            ui.say(ui.t("home.reading_other_language", Terminal.sanitize(stored.get(0))));
        }
    }
}
