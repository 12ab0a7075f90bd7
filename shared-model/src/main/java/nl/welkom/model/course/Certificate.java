package nl.welkom.model.course;

/**
 * Proof that a household member completed a course: every lesson done and every question
 * answered correctly at least once.
 *
 * @param id          certificate id (the same for the same member and course)
 * @param memberId    household member
 * @param memberName  the member's display name, as the household chose it
 * @param courseSlug  course
 * @param courseTitle course title in {@code language}
 * @param completedAt ISO-8601 date of completion
 * @param language    language of {@code courseTitle}, the member's first language where available
 */
public record Certificate(
        String id,
        String memberId,
        String memberName,
        String courseSlug,
        String courseTitle,
        String completedAt,
        String language) {
}
