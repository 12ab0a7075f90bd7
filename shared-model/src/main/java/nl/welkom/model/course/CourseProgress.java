package nl.welkom.model.course;

import java.util.List;

/**
 * {@code GET /api/course/progress}: the course progress of every member of the households in the
 * caller's scope.
 *
 * @param householdId household
 * @param members     one entry per member with any progress
 */
public record CourseProgress(String householdId, List<MemberProgress> members) {
}
