package nl.welkom.course;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Rows of V4 (course progress) and their repositories; package-private, used by {@link CourseProgressService}. */
final class ProgressEntities {
    private ProgressEntities() {
    }

    /** One answer, keyed by the mutation that carried it. */
    @MappedEntity("course_answer")
    record AnswerRow(@Id String mutationId, String householdId, String memberId, String courseSlug,
                     String questionSlug, int optionIndex, boolean correct, long answeredAt) {
    }

    @MappedEntity("course_lesson_done")
    record LessonDoneRow(@Id String id, String householdId, String memberId, String courseSlug, String lessonId,
                         long doneAt) {
    }

    @MappedEntity("course_completion")
    record CompletionRow(@Id String id, String householdId, String memberId, String courseSlug, long completedAt) {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface AnswerRepository extends CrudRepository<AnswerRow, String> {
        List<AnswerRow> findByHouseholdIdInAndCourseSlug(Collection<String> householdIds, String courseSlug);

        List<AnswerRow> findByMemberIdAndCourseSlug(String memberId, String courseSlug);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface LessonDoneRepository extends CrudRepository<LessonDoneRow, String> {
        List<LessonDoneRow> findByHouseholdIdInAndCourseSlug(Collection<String> householdIds, String courseSlug);

        List<LessonDoneRow> findByMemberIdAndCourseSlug(String memberId, String courseSlug);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface CompletionRepository extends CrudRepository<CompletionRow, String> {
        List<CompletionRow> findByHouseholdIdInAndCourseSlug(Collection<String> householdIds, String courseSlug);
    }
}
