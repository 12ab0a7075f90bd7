package nl.welkom.client.cli;

import java.util.List;

import nl.welkom.client.Welkom;
import nl.welkom.model.feedback.Question;
import nl.welkom.model.household.Household;

/** A family friend's questions from their families, newest first, as the last sync brought them. */
final class QuestionsScreen {

    private final Ui ui;
    private final Welkom welkom;

    QuestionsScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        List<Question> questions = welkom.journey().questions();
        ui.blank();
        ui.say(ui.t("questions.title"));
        if (questions.isEmpty()) {
            ui.say(ui.t("questions.none"));
            return;
        }
        for (Question q : questions) {
            String family = q.householdId();
            for (Household h : welkom.journey().households()) {
                if (h.id().equals(q.householdId())) {
                    family = h.displayName();
                }
            }
            String when = Ui.minute(q.createdAt());
            ui.blank();
            ui.say(Terminal.isolate(Terminal.sanitize(family)) + " · " + Terminal.isolate(when + " UTC")
                    + (q.lessonTitle() == null ? "" : " · " + ui.t("questions.about", Terminal.isolate(Terminal.sanitize(q.lessonTitle())))));
            ui.term.paragraph(Terminal.isolate(Terminal.sanitize(q.text())), false, "  ");
        }
        ui.pause();
    }
}
