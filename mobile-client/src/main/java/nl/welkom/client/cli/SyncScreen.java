package nl.welkom.client.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.welkom.client.SyncListener;
import nl.welkom.client.SyncResult;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomApiException;
import nl.welkom.client.WelkomException;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.client.store.SyncNotice;
import nl.welkom.model.auth.Role;
import nl.welkom.model.journey.Task;
import nl.welkom.model.sync.Mutation;

/**
 * Sync now: a progress bar, then in words what happened, then the notices about edits the server
 * did not take as made. Every outcome — offline, revoked, expired, refused — is said in the reader's
 * language, with what is kept on the phone. A phone told to forget (a revoked household phone, or a
 * family friend whose account ended) hears it in the words of whoever was signed in.
 */
final class SyncScreen {

    private final Ui ui;
    private final Welkom welkom;

    SyncScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    /** Syncs once; returns the result, or null when it did not finish. */
    SyncResult sync() {
        if (!welkom.session().isPresent()) {
            ui.say(ui.t("activate.first"));
            return null;
        }
        // Read before the sync: a refused family friend's phone is wiped, session and all.
        boolean familyFriend = welkom.session().get().role() == Role.BUDDY;
        ui.say(ui.t("sync.running"));
        SyncListener bar = (phase, done, total, bytes) -> ui.term.overwrite(progress(phase, done, total, bytes));
        SyncResult result = null;
        AutoSync retry = ui.autoSync();
        try {
            result = welkom.sync(bar);
            if (retry != null) {
                retry.stop();
            }
            ui.blank();
            ui.say(summary(result));
            for (String line : news(result)) {
                ui.say("  " + line);
            }
        } catch (WelkomOfflineException e) {
            ui.blank();
            int pending = welkom.pendingChanges();
            ui.say(pending == 0 ? ui.t("sync.offline") : ui.t("sync.offline_kept", ui.n("count.changes", pending)));
            if (retry != null) {
                retry.offline();
                ui.say(ui.t("sync.will_retry"));
            }
        } catch (IllegalStateException e) {
            // The background retry is syncing right now.
            ui.blank();
            ui.say(ui.t("sync.busy"));
            return null;
        } catch (WelkomApiException e) {
            ui.blank();
            if (retry != null) {
                retry.stop();
            }
            if (e.isDeviceRevoked()) {
                ui.say(familyFriend ? ui.t("sync.access_ended") : ui.t("sync.revoked"));
                return null;
            } else if (e.isUnauthorized()) {
                ui.say(ui.t("sync.unauthorized", ui.n("count.changes", welkom.pendingChanges())));
            } else {
                ui.say(ui.t("sync.refused", ui.problem(e.problem())));
            }
        } catch (WelkomException e) {
            ui.blank();
            ui.say(ui.t("sync.failed"));
        }
        showNotices();
        return result;
    }

    /** "Up to date. 2 changes sent, 5 updates received, lessons updated · 3.4 KB." */
    String summary(SyncResult r) {
        List<String> parts = new ArrayList<>();
        if (r.pushed() > 0) {
            parts.add(ui.t("sync.sent", ui.n("count.changes", r.pushed())));
        }
        if (r.conflicts() > 0) {
            parts.add(ui.n("sync.conflicts", r.conflicts()));
        }
        if (r.rejected() > 0) {
            parts.add(ui.n("sync.rejected", r.rejected()));
        }
        parts.add(ui.n("sync.received", r.pulled()));
        if (r.contentUpdated()) {
            parts.add(ui.t("sync.lessons_updated"));
        }
        return ui.t("sync.done", String.join(", ", parts), String.format(Locale.ROOT, "%.1f", r.bytesReceived() / 1024.0));
    }

    /** What the sync brought, in words: tasks someone changed, new tasks, new lessons, each with their titles. */
    List<String> news(SyncResult r) {
        List<String> lines = new ArrayList<>();
        if (!r.changedTaskIds().isEmpty()) {
            lines.add(ui.n("sync.changed_tasks", r.changedTaskIds().size(), taskTitles(r.changedTaskIds())));
        }
        if (!r.newTaskIds().isEmpty()) {
            lines.add(ui.n("sync.new_tasks", r.newTaskIds().size(), taskTitles(r.newTaskIds())));
        }
        if (!r.newLessonIds().isEmpty()) {
            List<String> titles = new ArrayList<>();
            for (String id : r.newLessonIds()) {
                welkom.lessons().lesson(id).ifPresent(l -> titles.add(Terminal.isolate("“" + Terminal.sanitize(l.title()) + "”")));
            }
            lines.add(ui.n("sync.new_lessons", r.newLessonIds().size(), shortList(titles)));
        }
        return lines;
    }

    private String taskTitles(List<String> ids) {
        List<String> titles = new ArrayList<>();
        for (Task t : welkom.journey().tasks()) {
            if (ids.contains(t.id())) {
                titles.add(Terminal.isolate("“" + JourneyScreen.title(t, welkom.languages(), ui)[0] + "”"));
            }
        }
        return shortList(titles);
    }

    /** At most three, then "…": a line, not a page. */
    private static String shortList(List<String> items) {
        List<String> shown = items.size() > 3 ? items.subList(0, 3) : items;
        return String.join(", ", shown) + (items.size() > 3 ? ", …" : "");
    }

    /**
     * Tells the reader about edits the server did not take as made, then dismisses them: they were
     * kept in the store exactly so that this message is never missed, even after a failed sync.
     */
    void showNotices() {
        List<SyncNotice> notices = welkom.notices();
        if (notices.isEmpty()) {
            return;
        }
        ui.blank();
        List<String> shown = new ArrayList<>();
        for (SyncNotice n : notices) {
            ui.say("! " + notice(n));
            shown.add(n.id());
        }
        welkom.dismissNotices(shown);
    }

    private String notice(SyncNotice n) {
        String what = edit(n.mutation());
        String where = taskTitle(n.taskId());
        switch (n.kind()) {
            case CONFLICT:
                return ui.t("notice.conflict", what, where);
            case DISCARDED:
                return ui.t("notice.discarded", what, where);
            case REJECTED:
            default:
                return ui.t("notice.rejected", what, where);
        }
    }

    private String edit(Mutation m) {
        if (m.type() == null) {
            return ui.t("edit.change");
        }
        switch (m.type()) {
            case TASK_COMPLETE:
                return ui.t("edit.complete");
            case TASK_REOPEN:
                return ui.t("edit.reopen");
            case TASK_SET_NOTE:
                return m.value() == null || m.value().isEmpty() ? ui.t("edit.note_removed")
                        : ui.t("edit.note", Terminal.isolate("“" + Terminal.sanitize(JourneyScreen.firstLine(m.value())) + "”"));
            case COURSE_ANSWER:
            case COURSE_LESSON_DONE:
                return ui.t("edit.course");
            case LESSON_FEEDBACK:
            case QUESTION_ASK:
                return ui.t("edit.question");
            case MESSAGE_SEND:
            case MESSAGE_READ:
                return ui.t("edit.message");
            case MEETING_LOG:
                return ui.t("edit.meeting");
            default:
                return ui.t("edit.change");
        }
    }

    /** The task's title in the reader's language, isolated (it may be right-to-left inside another script). */
    private String taskTitle(String taskId) {
        for (Task t : welkom.journey().tasks()) {
            if (t.id().equals(taskId)) {
                return Terminal.isolate("“" + JourneyScreen.title(t, welkom.languages(), ui)[0] + "”");
            }
        }
        return ui.t("notice.unknown_task");
    }

    /** {@code [########------------] Receiving updates 12 · 3.4 KB}: phases share one bar. */
    String progress(SyncListener.Phase phase, int done, int total, long bytes) {
        double fraction;
        String label;
        switch (phase) {
            case PUSH:
                fraction = 0.4 * (total <= 0 ? 1 : (double) done / total);
                label = ui.t("sync.phase.push", done, total);
                break;
            case PULL:
                fraction = 0.4 + 0.4 * (done == 0 ? 0 : 1 - 1.0 / (1 + done));
                label = ui.t("sync.phase.pull", done);
                break;
            case CONTENT:
                fraction = 0.8 + 0.2 * (total <= 0 ? 1 : (double) done / total);
                label = ui.t("sync.phase.content");
                break;
            default:
                fraction = 1;
                label = ui.t("sync.phase.done");
                break;
        }
        int filled = (int) Math.round(20 * Math.min(1, fraction));
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            sb.append(i < filled ? '#' : '-');
        }
        return sb.append("] ").append(Terminal.isolate(label)).append(" · ")
                .append(String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)).toString();
    }
}
