package nl.welkom.model.announcement;

import nl.welkom.model.content.TranslationState;

/**
 * A municipality's announcement to its households (all, or those in a stage or with a language), as a
 * household's phone receives it in the pull (docs/announcements.md; docs/sync.md, "Announcements"):
 * already in the reader's language, chosen along the pull's {@code lang} chain with Dutch last.
 *
 * @param id          UUID
 * @param title       the title in {@code lang}
 * @param text        the text in {@code lang} (plain text, paragraphs separated by blank lines)
 * @param lang        the language of title and text: the first of the reader's chain that has a
 *                    translation, else {@code nl}
 * @param state       {@code UP_TO_DATE} (Dutch, or a translation a person wrote or reviewed),
 *                    {@code MACHINE_DRAFTED} (not reviewed: show it as such) or {@code MISSING}
 *                    (none of the reader's languages: the Dutch text is shown)
 * @param publishedAt ISO-8601 instant it was published
 * @param expiresOn   the last day (ISO date, Europe/Amsterdam) it is shown; the phone drops it after
 * @param withdrawn   true when the municipality withdrew it: the phone removes it
 * @param version     server version; a changed text or translation raises it
 */
public record Announcement(
        String id,
        String title,
        String text,
        String lang,
        TranslationState state,
        String publishedAt,
        String expiresOn,
        boolean withdrawn,
        long version) {
}
