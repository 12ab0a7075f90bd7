package nl.welkom.client.cli;

import nl.welkom.client.Lessons;
import nl.welkom.client.Welkom;

/**
 * Asking a question, about a lesson or in general: written on the phone, sent with the next sync,
 * and routed by the server to the family's family friend, else to their officer. (The conversation
 * that answers it comes with messages; this screen is where it will live.)
 */
final class QuestionScreen {

    private final Ui ui;
    private final Welkom welkom;

    QuestionScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    /** Asks for the question and queues it; {@code lessonId} null for a general question. */
    void ask(String lessonId) {
        if (!welkom.session().isPresent()) {
            ui.say(ui.t("activate.first"));
            return;
        }
        String text = ui.ask(ui.t("question.prompt", Lessons.MAX_QUESTION_LENGTH));
        if (text.isEmpty()) {
            return;
        }
        if (text.length() > Lessons.MAX_QUESTION_LENGTH) { // counted as the library and the server count it
            ui.say(ui.t("question.too_long", Lessons.MAX_QUESTION_LENGTH));
            return;
        }
        welkom.lessons().ask(lessonId, text);
        ui.say(ui.t("question.saved"));
    }
}
