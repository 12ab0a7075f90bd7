package nl.welkom.client;

import java.util.Set;

/**
 * One household member's progress in the course as this phone sees it: what the server last sent
 * plus the answers and finished lessons still in the outbox.
 *
 * @param memberId        household member
 * @param lessonsDone     ids of course lessons marked done
 * @param lessons         number of lessons in the course
 * @param correctAnswers  slugs of questions answered correctly at least once
 * @param questions       number of questions in the course
 * @param completedAt     ISO date of completion (the server's when known, else the day it was met on this phone), or null
 */
public record CourseStatus(String memberId, Set<String> lessonsDone, int lessons, Set<String> correctAnswers,
                           int questions, String completedAt) {

    /** True when every lesson is done and every question was answered correctly at least once. */
    public boolean complete() {
        return completedAt != null;
    }
}
