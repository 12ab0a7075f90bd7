package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;

/**
 * One member's course progress on the household page. Public only because the template engine
 * reads it by reflection.
 *
 * @param memberId     member id, for the certificate link
 * @param name         member display name
 * @param lessonsDone  lessons marked done
 * @param lessons      lessons in the course
 * @param correct      questions answered correctly at least once
 * @param questions    questions in the course
 * @param completed    date of completion for display, or null while not complete
 */
public record CourseRow(String memberId, String name, int lessonsDone, int lessons, int correct, int questions,
                        @Nullable String completed) {
}
