package nl.welkom.model.phrasebook;

import java.util.List;

/**
 * {@code GET /api/phrasebook?lang=ar}: everyday Dutch with translations for one reader's language
 * chain.
 *
 * @param languages  the chain that was applied, requested languages first, Dutch last
 * @param version    opaque version; also the {@code ETag}
 * @param categories categories in order
 */
public record Phrasebook(List<String> languages, String version, List<PhraseCategory> categories) {
}
