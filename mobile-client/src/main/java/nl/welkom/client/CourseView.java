package nl.welkom.client;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.course.MemberProgress;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationType;

/**
 * Course progress as the reader sees it: the server's copy with the course mutations of the outbox
 * replayed on top (like {@link LocalView} for tasks), and the completion rule of docs/api.md.
 */
final class CourseView {
    private CourseView() {
    }

    static QuizQuestion question(Course course, String questionSlug) {
        for (CourseLesson lesson : course.lessons()) {
            for (QuizQuestion question : lesson.quiz()) {
                if (question.slug().equals(questionSlug)) {
                    return question;
                }
            }
        }
        return null;
    }

    static CourseStatus status(Course course, String memberId, List<CourseProgress> server, List<Mutation> outbox,
                               Clock clock) {
        Set<String> done = new LinkedHashSet<>();
        Set<String> right = new LinkedHashSet<>();
        String completedAt = null;
        for (CourseProgress household : server) {
            for (MemberProgress member : household.members()) {
                if (memberId.equals(member.memberId())) {
                    done.addAll(member.lessonsDone());
                    right.addAll(member.correctAnswers());
                    completedAt = member.completedAt();
                }
            }
        }
        for (Mutation m : outbox) {
            if (!memberId.equals(m.entityId()) || m.value() == null) {
                continue;
            }
            if (m.type() == MutationType.COURSE_LESSON_DONE) {
                done.add(m.value());
            } else if (m.type() == MutationType.COURSE_ANSWER) {
                int colon = m.value().lastIndexOf(':');
                QuizQuestion question = colon < 1 ? null : question(course, m.value().substring(0, colon));
                if (question != null && m.value().substring(colon + 1).equals(Integer.toString(question.correct()))) {
                    right.add(question.slug());
                }
            }
        }
        int questions = 0;
        boolean complete = true;
        for (CourseLesson lesson : course.lessons()) {
            complete &= done.contains(lesson.lessonId());
            for (QuizQuestion question : lesson.quiz()) {
                questions++;
                complete &= right.contains(question.slug());
            }
        }
        if (complete && completedAt == null) {
            completedAt = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        }
        if (!complete) {
            completedAt = null;
        }
        done.retainAll(lessonIds(course));
        return new CourseStatus(memberId, Collections.unmodifiableSet(done), course.lessons().size(),
                Collections.unmodifiableSet(right), questions, completedAt);
    }

    private static Set<String> lessonIds(Course course) {
        Set<String> ids = new LinkedHashSet<>();
        for (CourseLesson lesson : course.lessons()) {
            ids.add(lesson.lessonId());
        }
        return ids;
    }

    /**
     * The stored progress with one applied course mutation folded in, so that what the reader did
     * does not vanish between the push that took it out of the outbox and the progress fetch that
     * brings the server's copy. Null when there is nothing to fold (unknown member or course).
     */
    static CourseProgress fold(List<CourseProgress> stored, Mutation m, Course course, String householdId) {
        if (householdId == null || m.value() == null) {
            return null;
        }
        CourseProgress current = new CourseProgress(householdId, Collections.<MemberProgress>emptyList());
        for (CourseProgress p : stored) {
            if (householdId.equals(p.householdId())) {
                current = p;
            }
        }
        java.util.List<MemberProgress> members = new java.util.ArrayList<>();
        MemberProgress mine = new MemberProgress(m.entityId(), Collections.<String>emptyList(),
                Collections.<String>emptyList(), Collections.<String>emptyList(), null);
        for (MemberProgress member : current.members()) {
            if (m.entityId().equals(member.memberId())) {
                mine = member;
            } else {
                members.add(member);
            }
        }
        Set<String> done = new LinkedHashSet<>(mine.lessonsDone());
        Set<String> right = new LinkedHashSet<>(mine.correctAnswers());
        Set<String> answered = new LinkedHashSet<>(mine.answeredQuestions());
        if (m.type() == MutationType.COURSE_LESSON_DONE) {
            done.add(m.value());
        } else {
            int colon = m.value().lastIndexOf(':');
            QuizQuestion question = colon < 1 || course == null ? null : question(course, m.value().substring(0, colon));
            if (question == null) {
                return null;
            }
            answered.add(question.slug());
            if (m.value().substring(colon + 1).equals(Integer.toString(question.correct()))) {
                right.add(question.slug());
            }
        }
        members.add(new MemberProgress(m.entityId(), new java.util.ArrayList<>(done), new java.util.ArrayList<>(right),
                new java.util.ArrayList<>(answered), mine.completedAt()));
        return new CourseProgress(householdId, members);
    }
}
