package nl.welkom.client.cli;

import java.util.List;
import java.util.Optional;

import nl.welkom.client.CourseStatus;
import nl.welkom.client.QuizAnswer;
import nl.welkom.client.Welkom;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.course.Certificate;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;

/** The pre-departure course per family member: lessons, quizzes, progress and the certificate, offline. */
final class CourseScreen {

    private final Ui ui;
    private final Welkom welkom;

    CourseScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        Optional<Course> found = welkom.course().get();
        Optional<Household> household = welkom.journey().household();
        if (!found.isPresent()) {
            ui.say(ui.t("course.none"));
            return;
        }
        if (!household.isPresent() || household.get().members() == null || household.get().members().isEmpty()) {
            ui.say(ui.t("course.activate_first"));
            return;
        }
        List<Member> members = household.get().members();
        ui.blank();
        ui.say(ui.t("course.who"));
        for (int i = 0; i < members.size(); i++) {
            CourseStatus status = welkom.course().progress(members.get(i).id());
            ui.option(Integer.toString(i + 1), Terminal.isolate(Terminal.sanitize(members.get(i).displayName())) + " · "
                    + ui.t("course.member_progress", status.lessonsDone().size(), status.lessons())
                    + (status.complete() ? " · " + ui.t("course.certificate_mark") : ""));
        }
        int who = ui.choose(ui.t("prompt.member_number"), 1, members.size(), true);
        if (who < 0) {
            return;
        }
        Member member = members.get(who - 1);
        Course course = found.get();
        String certificateKey = ui.t("course.certificate_key");
        while (true) {
            CourseStatus status = welkom.course().progress(member.id());
            ui.blank();
            ui.heading(course.title(), course.language(), course.state());
            ui.say(progressLine(status));
            for (CourseLesson lesson : course.lessons()) {
                boolean done = status.lessonsDone().contains(lesson.lessonId());
                ui.item(lesson.position(), (done ? "✓ " : "  ") + Terminal.sanitize(lesson.title()), lesson.language(),
                        lesson.state());
            }
            if (status.complete()) {
                ui.option(certificateKey, ui.t("course.show_certificate"));
            }
            String line = ui.ask(status.complete() ? ui.t("prompt.course_lesson_or_certificate", certificateKey)
                    : ui.t("prompt.course_lesson")).trim();
            if (line.isEmpty()) {
                return;
            }
            if (status.complete() && isKey(line, certificateKey)) {
                certificate(member);
                continue;
            }
            int number = Ui.number(line);
            if (number < 1 || number > course.lessons().size()) {
                ui.say(ui.t("error.number_range_or_enter", 1, course.lessons().size()));
                continue;
            }
            lesson(member, course.lessons().get(number - 1));
        }
    }

    /** For a family friend: each matched family's members with their course progress. */
    void progressOfFamilies() {
        Optional<Course> found = welkom.course().get();
        if (!found.isPresent()) {
            ui.say(ui.t("course.none"));
            return;
        }
        List<Household> families = welkom.journey().households();
        if (families.isEmpty()) {
            ui.say(ui.t("journey.after_sync"));
            return;
        }
        ui.blank();
        ui.heading(found.get().title(), found.get().language(), found.get().state());
        for (Household family : families) {
            ui.say(Terminal.isolate(Terminal.sanitize(family.displayName())));
            List<Member> members = family.members() == null ? java.util.Collections.<Member>emptyList() : family.members();
            for (Member m : members) {
                CourseStatus status = welkom.course().progress(m.id());
                ui.say("  " + Terminal.isolate(Terminal.sanitize(m.displayName())) + ": "
                        + ui.t("course.member_progress", status.lessonsDone().size(), status.lessons())
                        + (status.complete() ? " · " + ui.t("course.certificate_mark") : ""));
            }
        }
        ui.pause();
    }

    /**
     * The typed letter is the language's key, ignoring case; the Latin C always works too, and so does
     * its Cyrillic look-alike С (a Ukrainian keyboard types that for the C it sees).
     */
    static boolean isKey(String typed, String key) {
        String t = typed.trim();
        return t.equalsIgnoreCase(key) || t.equalsIgnoreCase("C") || "С".equals(t) || "с".equals(t);
    }

    private void lesson(Member member, CourseLesson lesson) {
        Optional<Lesson> reading = welkom.lessons().lesson(lesson.lessonId());
        if (reading.isPresent()) {
            new LessonsScreen(ui, welkom).read(reading.get());
            ui.pause();
        } else {
            ui.say(ui.t("course.lesson_text_missing"));
        }
        welkom.course().completeLesson(member.id(), lesson.lessonId());
        int right = 0;
        for (QuizQuestion question : lesson.quiz()) {
            ui.blank();
            ui.contentLine("? ", Terminal.sanitize(question.question()), question.language(), question.state());
            for (int i = 0; i < question.options().size(); i++) {
                ui.contentLine(String.format(java.util.Locale.ROOT, "%2d  ", i + 1),
                        Terminal.sanitize(question.options().get(i)), question.language(), null);
            }
            int answer = ui.choose(ui.t("prompt.answer"), 1, question.options().size(), false);
            QuizAnswer result = welkom.course().answer(member.id(), question.slug(), answer - 1);
            if (result.correct()) {
                right++;
                ui.say(ui.t("quiz.right"));
            } else {
                ui.say(ui.t("quiz.wrong", result.correctOption() + 1));
            }
            ui.paragraph(result.explanation(), question.language(), "  ");
        }
        if (!lesson.quiz().isEmpty()) {
            ui.blank();
            ui.say(ui.t("quiz.score", right, lesson.quiz().size()));
        }
        CourseStatus status = welkom.course().progress(member.id());
        ui.say(progressLine(status));
        if (status.complete()) {
            ui.say(ui.t("course.completed", ui.t("course.certificate_key")));
        }
    }

    private String progressLine(CourseStatus status) {
        String line = ui.t("course.progress", status.lessonsDone().size(), status.lessons(),
                status.correctAnswers().size(), status.questions());
        return status.complete() ? line + " · " + ui.t("course.completed_on", status.completedAt()) : line;
    }

    /** The certificate in a frame: the reader's language and Dutch, for the officer who will see it. */
    private void certificate(Member member) {
        Optional<Certificate> certificate = welkom.course().certificate(member.id());
        if (!certificate.isPresent()) {
            ui.say(ui.t("course.no_certificate"));
            return;
        }
        Certificate c = certificate.get();
        int inner = Math.max(20, Math.min(60, ui.term.width() - 4));
        String rule = "+" + repeat('-', inner + 2) + "+";
        ui.blank();
        ui.term.line(rule);
        framed(Terminal.isolate(ui.t("certificate.title")) + " · " + dutch("certificate.title"), inner);
        framed("", inner);
        framed(Terminal.isolate(Terminal.sanitize(c.memberName())), inner);
        framed(Terminal.isolate(ui.t("certificate.completed")) + " · " + dutch("certificate.completed"), inner);
        framed(Terminal.isolate(Terminal.sanitize(c.courseTitle())), inner);
        framed("", inner);
        framed(Terminal.isolate(ui.t("certificate.date")) + " · " + dutch("certificate.date") + ": " + c.completedAt(), inner);
        framed(Terminal.isolate(ui.t("certificate.language")) + ": " + c.language(), inner);
        ui.term.line(rule);
        ui.pause();
    }

    /** The Dutch wording beside the reader's: the certificate is also shown to Dutch officials. */
    private String dutch(String key) {
        return ui.bundle().messages(java.util.Collections.singletonList("nl")).text(key);
    }

    private void framed(String text, int inner) {
        int pad = Math.max(0, inner - Terminal.displayWidth(text));
        ui.term.line("| " + text + repeat(' ', pad) + " |");
    }

    private static String repeat(char c, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(c);
        }
        return sb.toString();
    }
}
