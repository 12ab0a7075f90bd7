package nl.welkom.model.course;

import java.util.List;

import nl.welkom.model.content.TranslationState;

/**
 * A multiple-choice question. The correct option travels with it: quizzes are practice, not
 * exams, and the phone must show the explanation right after an offline answer.
 *
 * @param slug        unique within the course; what an answer names
 * @param language    language of the question, options and explanation
 * @param question    the question
 * @param options     3-4 options in order; an answer names one by its index from 0
 * @param correct     index of the correct option
 * @param explanation why the correct option is right
 * @param state       translation state of this text
 */
public record QuizQuestion(
        String slug,
        String language,
        String question,
        List<String> options,
        int correct,
        String explanation,
        TranslationState state) {
}
