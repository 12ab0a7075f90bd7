package nl.welkom.model.course;

import java.util.List;

/**
 * One household member's progress in the course, as the server has recorded it.
 *
 * @param memberId        household member
 * @param lessonsDone     ids of the course lessons the member marked done
 * @param correctAnswers  slugs of the questions the member answered correctly at least once
 * @param answeredQuestions slugs of the questions the member answered at all
 * @param completedAt     ISO-8601 date (UTC) the member completed the course, or null
 */
public record MemberProgress(
        String memberId,
        List<String> lessonsDone,
        List<String> correctAnswers,
        List<String> answeredQuestions,
        String completedAt) {
}
