package nl.welkom.client.cli;

import java.util.List;

import nl.welkom.client.Announcements;
import nl.welkom.client.Welkom;
import nl.welkom.model.announcement.Announcement;

/**
 * The municipality's live announcements, newest first, in the reader's language as the pull chose
 * it; machine-drafted translations are marked. Shown ones are no longer new.
 */
final class AnnouncementsScreen {

    private final Ui ui;
    private final Welkom welkom;

    AnnouncementsScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        List<Announcements.Item> live = welkom.announcements().live();
        if (live.isEmpty()) {
            ui.say(ui.t("announcements.none"));
            return;
        }
        ui.blank();
        ui.say(ui.t("announcements.title"));
        for (Announcements.Item item : live) {
            describe(ui, welkom, item);
            welkom.announcements().markShown(item.announcement().id());
        }
    }

    /** The fresh announcements, once (the home screen at start), then marked shown. */
    static void showFresh(Ui ui, Welkom welkom) {
        for (Announcements.Item item : welkom.announcements().fresh()) {
            describe(ui, welkom, item);
            welkom.announcements().markShown(item.announcement().id());
        }
    }

    private static void describe(Ui ui, Welkom welkom, Announcements.Item item) {
        Announcement a = item.announcement();
        ui.blank();
        ui.heading((item.fresh() ? "★ " : "") + Terminal.sanitize(a.title()), a.lang(), a.state());
        if (item.machineDrafted()) {
            ui.say("  (" + ui.t("announcements.machine") + ")");
        }
        ui.paragraph(Terminal.sanitize(a.text()), a.lang(), "  ");
        ui.say("  " + ui.t("announcements.until", Terminal.isolate(Terminal.sanitize(ReaderTime.date(welkom, a.expiresOn())))));
    }
}
