package nl.welkom.client.cli;

import java.util.Collections;
import java.util.List;

import nl.welkom.client.Welkom;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.Section;
import nl.welkom.model.content.Topic;

/** The orientation lessons: topics, their lessons, and a lesson to read, each part with its language and state. */
final class LessonsScreen {

    private final Ui ui;
    private final Welkom welkom;

    LessonsScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        while (true) {
            List<Topic> topics = welkom.lessons().topics();
            ui.blank();
            if (topics.isEmpty()) {
                ui.say(ui.t("lessons.none"));
                return;
            }
            ui.say(ui.t("lessons.title"));
            HomeScreen.sayIfReadingInAnotherLanguage(ui, welkom);
            for (int i = 0; i < topics.size(); i++) {
                Topic t = topics.get(i);
                ui.item(i + 1, t.title(), t.language(), null);
            }
            int choice = ui.choose(ui.t("prompt.topic_number"), 1, topics.size(), true);
            if (choice < 0) {
                return;
            }
            topic(topics.get(choice - 1));
        }
    }

    private void topic(Topic topic) {
        List<Lesson> lessons = topic.lessons() == null ? Collections.<Lesson>emptyList() : topic.lessons();
        while (true) {
            ui.blank();
            ui.heading(topic.title(), topic.language(), null);
            if (lessons.isEmpty()) {
                ui.say(ui.t("lessons.topic_empty"));
                return;
            }
            for (int i = 0; i < lessons.size(); i++) {
                Lesson l = lessons.get(i);
                ui.item(i + 1, l.title(), l.language(), l.state());
            }
            int choice = ui.choose(ui.t("prompt.lesson_number"), 1, lessons.size(), true);
            if (choice < 0) {
                return;
            }
            Lesson lesson = lessons.get(choice - 1);
            read(lesson);
            afterReading(lesson);
        }
    }

    /**
     * "Was this helpful?" and "Ask a question about this", or Enter to go back. Both are written on
     * the phone and sent with the next sync (the server routes a question to the family friend, else
     * the officer), so they work offline.
     */
    void afterReading(Lesson lesson) {
        ui.option("1", ui.t("lesson.helpful_yes"));
        ui.option("2", ui.t("lesson.helpful_no"));
        ui.option("3", ui.t("lesson.ask"));
        int choice = ui.choose(ui.t("prompt.choice_or_back"), 1, 3, true);
        if (choice == 1 || choice == 2) {
            welkom.lessons().rate(lesson.id(), choice == 1);
            ui.say(ui.t("lesson.thanks"));
        } else if (choice == 3) {
            new QuestionScreen(ui, welkom).ask(lesson.id());
        }
    }

    /** Shows a lesson: title, summary and sections as plain text in their own direction. */
    void read(Lesson lesson) {
        ui.blank();
        ui.heading(lesson.title(), lesson.language(), lesson.state());
        if (lesson.summary() != null) {
            ui.paragraph(lesson.summary(), lesson.language(), "");
        }
        List<Section> sections = lesson.sections() == null ? Collections.<Section>emptyList() : lesson.sections();
        for (Section s : sections) {
            ui.blank();
            String title = s.heading() == null ? "" : Terminal.sanitize(s.heading());
            ui.contentLine("— " + s.position() + ". ", title, s.language(), s.state());
            ui.paragraph(Markdown.plain(s.body() == null ? "" : s.body()), s.language(), "  ");
        }
        ui.blank();
    }
}
