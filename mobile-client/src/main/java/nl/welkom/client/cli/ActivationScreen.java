package nl.welkom.client.cli;

import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomApiException;
import nl.welkom.client.WelkomException;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.model.auth.Session;

/** Connecting the phone: a household activates it with the officer's code; a family friend signs in. */
final class ActivationScreen {

    private final Ui ui;
    private final Welkom welkom;

    ActivationScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    /**
     * The code first, checked at once; only then the phone's name. A code that fails keeps what was
     * typed: Enter tries it again (after "no connection"), or the reader types it anew.
     */
    void activate() {
        ui.blank();
        ui.say(ui.t("activate.title"));
        String code = "";
        while (true) {
            String typed = ui.ask(code.isEmpty() ? ui.t("prompt.code") : ui.t("prompt.code_again", code));
            if (typed.isEmpty() && code.isEmpty() || "0".equals(typed)) {
                return;
            }
            if (!typed.isEmpty()) {
                code = typed;
            }
            try {
                welkom.checkActivationCode(code);
                break;
            } catch (WelkomOfflineException e) {
                ui.say(ui.t("activate.offline"));
            } catch (WelkomApiException e) {
                ui.say(ui.t("activate.refused", ui.problem(e.problem())));
            } catch (WelkomException e) {
                ui.say(ui.t("activate.failed"));
            }
        }
        String name = ui.ask(ui.t("prompt.phone_name"));
        if (name.isEmpty()) {
            name = ui.t("activate.default_phone_name");
        }
        Session session;
        try {
            session = welkom.activate(code, name);
        } catch (WelkomOfflineException e) {
            ui.say(ui.t("activate.offline"));
            return;
        } catch (WelkomApiException e) {
            ui.say(ui.t("activate.refused", ui.problem(e.problem())));
            return;
        } catch (WelkomException e) {
            ui.say(ui.t("activate.failed"));
            return;
        }
        ui.say(ui.t("activate.done", Terminal.isolate(Terminal.sanitize(session.municipalityName()))));
        ui.say(ui.t("activate.fetching"));
        new SyncScreen(ui, welkom).sync();
    }

    void signIn() {
        ui.blank();
        ui.say(ui.t("signin.title"));
        String user = ui.ask(ui.t("prompt.username"));
        if (user.isEmpty()) {
            return;
        }
        String password = ui.askSecret(ui.t("prompt.password"));
        if (password.isEmpty()) {
            return;
        }
        Session session;
        try {
            session = welkom.login(user, password);
        } catch (WelkomOfflineException e) {
            ui.say(ui.t("signin.offline"));
            return;
        } catch (WelkomApiException e) {
            ui.say(ui.t("signin.refused", ui.problem(e.problem())));
            return;
        } catch (WelkomException e) {
            ui.say(ui.t("signin.failed"));
            return;
        }
        ui.say(ui.t("signin.done", Terminal.isolate(Terminal.sanitize(session.displayName())),
                Terminal.isolate(Terminal.sanitize(session.municipalityName()))));
        ui.say(ui.t("signin.fetching"));
        new SyncScreen(ui, welkom).sync();
    }

    /**
     * A family friend signs out: edits still waiting are offered a last sync, then everything about
     * the families is removed from this phone (the lessons and the language stay).
     */
    void signOut() {
        int pending = welkom.pendingChanges();
        if (pending > 0) {
            ui.say(ui.t("signout.pending", ui.n("count.changes", pending)));
            new SyncScreen(ui, welkom).sync();
        }
        if (!ui.confirm(ui.t("signout.confirm"))) {
            return;
        }
        if (ui.autoSync() != null) {
            ui.autoSync().stop();
        }
        welkom.signOut();
        ui.say(ui.t("signout.done"));
    }
}
