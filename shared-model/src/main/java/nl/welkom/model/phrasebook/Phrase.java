package nl.welkom.model.phrasebook;

import nl.welkom.model.content.TranslationState;

/**
 * One Dutch phrase with its translation for the reader.
 *
 * @param slug        stable key, unique within its category
 * @param dutch       the phrase in Dutch
 * @param language    language of {@code translation} and {@code note}
 * @param translation the phrase in the reader's chain (Dutch itself when nothing else exists)
 * @param state       translation state of {@code translation}
 * @param say         how to say the Dutch, written for a reader of the reader's first language; null when none
 * @param note        a short usage note, or null
 */
public record Phrase(
        String slug,
        String dutch,
        String language,
        String translation,
        TranslationState state,
        String say,
        String note) {
}
