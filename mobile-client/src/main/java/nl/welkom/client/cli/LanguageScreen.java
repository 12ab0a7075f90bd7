package nl.welkom.client.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomException;
import nl.welkom.client.WelkomOfflineException;
import nl.welkom.model.content.TextDirection;
import nl.welkom.model.i18n.Catalog;

/**
 * The language choice: the first screen on a new phone, and menu 2 later. Each language is written
 * in its own script and name, right-to-left ones right to left; the prompt is a number only, so it
 * needs no language. Choosing works offline: what the phone has stays readable, and the next sync
 * (or, before activation, a content refresh) brings the new language — never a pack in a language
 * nobody chose.
 */
final class LanguageScreen {

    private final Ui ui;
    private final Welkom welkom;

    LanguageScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    /** Asks for a first and an optional second language; returns false when the reader went back. */
    boolean show(boolean firstStart) {
        List<String> codes = new ArrayList<>(ui.bundle().languages().keySet());
        ui.blank();
        // Before any language is chosen there is no language to ask in: the list speaks for itself.
        ui.say(firstStart ? "Welkom · 🌐" : "Welkom · " + ui.t("language.title"));
        for (int i = 0; i < codes.size(); i++) {
            Catalog c = ui.bundle().languages().get(codes.get(i));
            String name = Terminal.sanitize(c.nativeName() == null ? codes.get(i) : c.nativeName());
            String number = String.format(java.util.Locale.ROOT, "%2d  ", i + 1);
            if (c.direction() == TextDirection.RTL) {
                ui.term.line(number.trim() + "  " + Terminal.isolate(name), true);
            } else {
                ui.term.line(number + name);
            }
        }
        int first = ui.choose(firstStart ? "1–" + codes.size() + ":" : "1–" + codes.size() + " (↵):", 1, codes.size(),
                !firstStart);
        if (first < 0) {
            return false;
        }
        List<String> chain = new ArrayList<>();
        chain.add(codes.get(first - 1));
        ui.useLanguages(chain);
        int second = ui.choose(ui.t("language.second", codes.size()), 1, codes.size(), true);
        if (second > 0 && second != first) {
            chain.add(codes.get(second - 1));
        }
        welkom.setLanguages(chain);
        ui.useLanguages(chain);
        ui.say(ui.t("language.chosen", names(chain)));
        fetch();
        return true;
    }

    private String names(List<String> chain) {
        List<String> names = new ArrayList<>();
        Map<String, Catalog> catalogs = ui.bundle().languages();
        for (String code : chain) {
            Catalog c = catalogs.get(code);
            names.add(c == null || c.nativeName() == null ? code : c.nativeName());
        }
        return Terminal.isolate(String.join(", ", names));
    }

    /** Brings the new language when online: the whole reading set after activation, the lessons before. */
    private void fetch() {
        if (welkom.session().isPresent()) {
            new SyncScreen(ui, welkom).sync();
            return;
        }
        try {
            welkom.refreshContent();
            ui.say(ui.t("language.lessons_ready"));
        } catch (WelkomOfflineException e) {
            ui.say(ui.t("language.offline"));
        } catch (WelkomException e) {
            ui.say(ui.t("language.fetch_failed"));
        }
    }
}
