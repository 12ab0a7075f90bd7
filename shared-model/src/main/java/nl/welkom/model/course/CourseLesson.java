package nl.welkom.model.course;

import java.util.List;

import nl.welkom.model.content.TranslationState;

/**
 * One course lesson: the reading part is the orientation lesson {@code lessonId} of the content
 * pack; the quiz checks it.
 *
 * @param lessonId id of the orientation lesson (as in the content pack)
 * @param slug     the orientation lesson's slug
 * @param position order in the course, from 1
 * @param language language of {@code title}
 * @param title    the lesson's title
 * @param state    translation state of the title
 * @param quiz     questions in order, possibly empty
 */
public record CourseLesson(
        String lessonId,
        String slug,
        int position,
        String language,
        String title,
        TranslationState state,
        List<QuizQuestion> quiz) {
}
