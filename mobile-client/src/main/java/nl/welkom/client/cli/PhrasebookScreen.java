package nl.welkom.client.cli;

import java.util.List;
import java.util.Optional;

import nl.welkom.client.Welkom;
import nl.welkom.model.phrasebook.Phrase;
import nl.welkom.model.phrasebook.PhraseCategory;
import nl.welkom.model.phrasebook.Phrasebook;

/** The phrasebook: everyday Dutch with the translation and how to say it, and a practice mode. */
final class PhrasebookScreen {

    private final Ui ui;
    private final Welkom welkom;

    PhrasebookScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        Optional<Phrasebook> found = welkom.phrasebook();
        if (!found.isPresent() || found.get().categories().isEmpty()) {
            ui.say(ui.t("phrasebook.none"));
            return;
        }
        List<PhraseCategory> categories = found.get().categories();
        while (true) {
            ui.blank();
            ui.say(ui.t("phrasebook.title"));
            for (int i = 0; i < categories.size(); i++) {
                PhraseCategory c = categories.get(i);
                ui.item(i + 1, c.title(), c.language(), c.state());
            }
            int choice = ui.choose(ui.t("prompt.category_number"), 1, categories.size(), true);
            if (choice < 0) {
                return;
            }
            PhraseCategory category = categories.get(choice - 1);
            ui.blank();
            ui.heading(category.title(), category.language(), category.state());
            for (Phrase phrase : category.phrases()) {
                showPhrase(phrase, true);
            }
            ui.blank();
            if (ui.confirm(ui.t("phrasebook.practise"))) {
                practise(category);
            }
        }
    }

    private void showPhrase(Phrase phrase, boolean withTranslation) {
        ui.term.line("  " + Terminal.sanitize(phrase.dutch()));
        List<String> chain = welkom.languages();
        String reader = chain.isEmpty() ? "nl" : chain.get(0);
        if (phrase.say() != null) {
            ui.contentLine("    " + ui.t("phrasebook.say") + " ", Terminal.sanitize(phrase.say()), reader, null);
        }
        if (withTranslation) {
            ui.contentLine("    = ", Terminal.sanitize(phrase.translation()), phrase.language(), phrase.state());
        }
        if (phrase.note() != null) {
            ui.term.line("    (" + Terminal.isolate(Terminal.sanitize(phrase.note())) + ")");
        }
    }

    /** Shows the translation, lets the reader recall the Dutch, reveals it; counts known and unknown. */
    private void practise(PhraseCategory category) {
        int known = 0;
        int unknown = 0;
        for (Phrase phrase : category.phrases()) {
            ui.blank();
            ui.contentLine("", Terminal.sanitize(phrase.translation()), phrase.language(), phrase.state());
            ui.ask(ui.t("phrasebook.say_it"));
            showPhrase(phrase, false);
            if (ui.confirm(ui.t("phrasebook.knew_it"))) {
                known++;
            } else {
                unknown++;
            }
        }
        ui.blank();
        ui.say(ui.t("phrasebook.score", known, unknown));
    }
}
