package nl.welkom.model.content;

/**
 * One section of a lesson, in the language it is actually shown in.
 *
 * @param id       section id (same in every language)
 * @param position order within the lesson, from 1
 * @param language language of {@code heading} and {@code body}; differs from the requested one on fallback
 * @param heading  short heading, may be null
 * @param body     plain-language text in CommonMark Markdown; clients must render it without raw HTML
 * @param state    translation state of this text
 */
public record Section(String id, int position, String language, String heading, String body, TranslationState state) {
}
