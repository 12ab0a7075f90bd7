package nl.welkom.client.cli;

import java.util.List;

import nl.welkom.client.Messages;
import nl.welkom.client.Welkom;
import nl.welkom.model.auth.Role;
import nl.welkom.model.household.Household;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;

/**
 * A conversation, offline: the messages oldest first (newest at the bottom), who wrote each, read
 * marks on the reader's own, pending ones marked; the reader writes a message, sent with the next
 * sync. A family friend first picks the family.
 */
final class MessagesScreen {

    private final Ui ui;
    private final Welkom welkom;

    MessagesScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        if (!welkom.session().isPresent()) {
            ui.say(ui.t("activate.first"));
            return;
        }
        List<Household> households = welkom.messages().households();
        if (households.isEmpty()) {
            ui.say(ui.t("messages.none"));
            return;
        }
        if (welkom.session().get().role() != Role.BUDDY) {
            conversation(households.get(0).id());
            return;
        }
        while (true) {
            ui.blank();
            ui.say(ui.t("messages.pick_family"));
            for (int i = 0; i < households.size(); i++) {
                Household h = households.get(i);
                int unread = welkom.messages().unread(h.id());
                ui.option(Integer.toString(i + 1), Terminal.isolate(Terminal.sanitize(h.displayName()))
                        + (unread > 0 ? " · " + ui.t("messages.unread", unread) : ""));
            }
            int n = ui.choose(ui.t("prompt.choice"), 1, households.size(), true);
            if (n < 0) {
                return;
            }
            conversation(households.get(n - 1).id());
        }
    }

    private void conversation(String householdId) {
        while (true) {
            List<Messages.Entry> entries = welkom.messages().conversation(householdId);
            ui.blank();
            ui.say(ui.t("messages.title"));
            if (entries.isEmpty()) {
                ui.say(ui.t("messages.empty"));
            }
            for (Messages.Entry e : entries) {
                describe(e);
            }
            welkom.messages().markRead(householdId);
            String text = ui.ask(ui.t("messages.write", Message.MAX_LENGTH));
            if (text.isEmpty()) {
                return;
            }
            if (text.codePointCount(0, text.length()) > Message.MAX_LENGTH) {
                ui.say(ui.t("messages.too_long", Message.MAX_LENGTH));
                continue;
            }
            welkom.messages().send(householdId, text);
        }
    }

    private void describe(Messages.Entry e) {
        Message m = e.message();
        String when = ReaderTime.dayAndTime(welkom, m.sentAt());
        StringBuilder head = new StringBuilder(who(e)).append(" · ").append(Terminal.isolate(when));
        if (e.pending()) {
            head.append(" · ").append(ui.t("messages.pending"));
        } else if (e.mine() && e.readByOtherSide()) {
            head.append(" · ✓ ").append(ui.t("messages.read"));
        }
        ui.blank();
        ui.say(head.toString());
        ui.say("  " + Terminal.isolate(Terminal.sanitize(m.text())));
    }

    private String who(Messages.Entry e) {
        if (e.mine()) {
            return ui.t("messages.from_you");
        }
        Message m = e.message();
        String name = Terminal.isolate(Terminal.sanitize(m.authorName() == null ? "" : m.authorName()));
        if (m.from() == MessageAuthor.OFFICER) {
            return ui.t("messages.from_officer", name);
        }
        if (m.from() == MessageAuthor.BUDDY) {
            return ui.t("messages.from_buddy", name);
        }
        return ui.t("messages.from_family");
    }
}
