package nl.welkom.model.content;

/**
 * A lesson found by a search ({@code GET /api/search}, or the client's offline search of its
 * stored pack), in the language the words matched.
 *
 * @param lessonId the lesson
 * @param topicId  its topic
 * @param title    the lesson's title as the reader's pack shows it
 * @param language the language the query matched in: along the reader's chain, or {@code nl}
 *                 when only the Dutch text has the words (words from an official letter)
 * @param snippet  a short piece of the matching text, around the first query word
 * @param state    the translation state of the lesson as the reader sees it
 */
public record SearchHit(String lessonId, String topicId, String title, String language, String snippet,
                        TranslationState state) {
}
