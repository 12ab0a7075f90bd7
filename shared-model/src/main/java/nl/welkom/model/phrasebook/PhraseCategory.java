package nl.welkom.model.phrasebook;

import java.util.List;

import nl.welkom.model.content.TranslationState;

/**
 * @param slug     stable key ({@code greetings})
 * @param language language of {@code title}
 * @param title    title in the reader's chain
 * @param state    translation state of the title
 * @param phrases  phrases in order
 */
public record PhraseCategory(String slug, String language, String title, TranslationState state, List<Phrase> phrases) {
}
