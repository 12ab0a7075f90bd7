package nl.welkom.model.content;

import java.util.List;

/**
 * An orientation lesson, in the language it is actually shown in.
 *
 * @param id       lesson id (same in every language)
 * @param slug     stable readable key ({@code washing-machine})
 * @param position order within the topic, from 1
 * @param language language of {@code title} and {@code summary}
 * @param title    title
 * @param summary  one or two sentences
 * @param state    translation state of the title and summary
 * @param sections sections in order
 */
public record Lesson(
        String id,
        String slug,
        int position,
        String language,
        String title,
        String summary,
        TranslationState state,
        List<Section> sections) {
}
