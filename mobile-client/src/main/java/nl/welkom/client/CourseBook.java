package nl.welkom.client;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.welkom.client.store.LocalStore;
import nl.welkom.model.course.Certificate;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.household.Household;
import nl.welkom.model.household.Member;
import nl.welkom.model.sync.MutationType;

/**
 * The pre-departure course on this phone: the course in the reader's languages, each household
 * member's answers and lessons (offline, queued), progress and the certificate. Get it from
 * {@link Welkom#course()}. Reads touch the store only.
 */
public final class CourseBook {

    private final LocalStore store;
    private final Clock clock;

    CourseBook(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The pre-departure course as last synced, in the reader's languages (store only, offline).
     * Empty before the first sync with a server that has a course. The reading part of each lesson
     * is {@link Lessons#lesson(String)} with the course lesson's {@code lessonId}.
     */
    public Optional<Course> get() {
        return Shelf.COURSE.get(store);
    }

    /**
     * Records a household member's answer to a quiz question. Works fully offline: a
     * {@code COURSE_ANSWER} mutation ({@code value} = {@code questionSlug:optionIndex}) is queued
     * and {@link Welkom#sync} sends it; the server records each answer once. The right option travels
     * with the course, so the answer is judged here at once — quizzes are practice, not exams.
     *
     * @return whether it was right, the right option and the explanation
     * @throws IllegalArgumentException when there is no course on the phone, no such question, the
     *                                  option is out of range, or the member is not in a household on this phone
     */
    public QuizAnswer answer(String memberId, String questionSlug, int optionIndex) {
        Course course = Shelf.COURSE.get(store).orElseThrow(() -> new IllegalArgumentException("No course on this phone"));
        QuizQuestion question = CourseView.question(course, Objects.requireNonNull(questionSlug, "questionSlug"));
        if (question == null) {
            throw new IllegalArgumentException("No question " + questionSlug + " in the course");
        }
        if (optionIndex < 0 || optionIndex >= question.options().size()) {
            throw new IllegalArgumentException("No option " + optionIndex + " for " + questionSlug);
        }
        queueCourse(MutationType.COURSE_ANSWER, requireMember(memberId), questionSlug + ":" + optionIndex);
        return new QuizAnswer(optionIndex == question.correct(), question.correct(), question.explanation());
    }

    /**
     * Marks a course lesson read by a household member; offline, queued as {@code COURSE_LESSON_DONE}.
     * A lesson already shown as done queues nothing.
     *
     * @throws IllegalArgumentException when the lesson is not in the course on this phone or the member unknown
     */
    public void completeLesson(String memberId, String lessonId) {
        Course course = Shelf.COURSE.get(store).orElseThrow(() -> new IllegalArgumentException("No course on this phone"));
        boolean inCourse = false;
        for (CourseLesson lesson : course.lessons()) {
            inCourse |= lesson.lessonId().equals(lessonId);
        }
        if (!inCourse) {
            throw new IllegalArgumentException("No lesson " + lessonId + " in the course");
        }
        if (progress(requireMember(memberId)).lessonsDone().contains(lessonId)) {
            return;
        }
        queueCourse(MutationType.COURSE_LESSON_DONE, memberId, lessonId);
    }

    /**
     * A member's course progress (store only): the server's last copy with the answers and lessons
     * still in the outbox on top.
     *
     * @throws IllegalArgumentException when there is no course on the phone
     */
    public CourseStatus progress(String memberId) {
        Course course = Shelf.COURSE.get(store).orElseThrow(() -> new IllegalArgumentException("No course on this phone"));
        return CourseView.status(course, Objects.requireNonNull(memberId, "memberId"), Shelf.COURSE_PROGRESS.all(store),
                store.outbox(), clock);
    }

    /**
     * The certificate of a member who completed the course (store only, offline): every lesson done
     * and every question answered correctly at least once. The date is the server's once it has
     * heard, else the day it was completed on this phone. Empty while not complete.
     */
    public Optional<Certificate> certificate(String memberId) {
        Optional<Course> course = Shelf.COURSE.get(store);
        if (!course.isPresent()) {
            return Optional.empty();
        }
        CourseStatus status = progress(memberId);
        Member member = member(memberId);
        if (!status.complete() || member == null) {
            return Optional.empty();
        }
        String id = UUID.nameUUIDFromBytes(("certificate:" + memberId + ":" + course.get().slug())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return Optional.of(new Certificate(id, memberId, member.displayName(), course.get().slug(),
                course.get().title(), status.completedAt(), course.get().language()));
    }

    private String requireMember(String memberId) {
        if (member(Objects.requireNonNull(memberId, "memberId")) == null) {
            throw new IllegalArgumentException("No member " + memberId + " on this phone");
        }
        return memberId;
    }

    private Member member(String memberId) {
        for (Household h : Shelf.HOUSEHOLDS.all(store)) {
            if (h.members() != null) {
                for (Member m : h.members()) {
                    if (memberId.equals(m.id())) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    private void queueCourse(MutationType type, String memberId, String value) {
        store.appendToOutbox(LocalView.newEdit(type, memberId, 0, value, clock));
    }
}
