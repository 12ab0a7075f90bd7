package nl.welkom.client;

/**
 * What {@link Welkom#answerQuiz} tells the reader right after an answer, offline.
 *
 * @param correct       whether the chosen option is the right one
 * @param correctOption index of the right option (from 0)
 * @param explanation   why it is right, in the question's language
 */
public record QuizAnswer(boolean correct, int correctOption, String explanation) {
}
