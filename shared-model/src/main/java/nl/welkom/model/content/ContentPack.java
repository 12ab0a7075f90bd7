package nl.welkom.model.content;

import java.util.List;

/**
 * {@code GET /api/content?lang=ar,en}: all published orientation content for one reader's
 * language chain. Every item is resolved along the chain and then Dutch (the source language);
 * each item says which language it is in.
 *
 * @param languages the chain that was applied, requested languages first, Dutch last
 * @param version   opaque version of this pack; also sent as the {@code ETag} header, so a
 *                  client that already holds it gets {@code 304 Not Modified}
 * @param directory every language that appears in the pack, with its writing direction
 * @param topics    topics in order
 */
public record ContentPack(List<String> languages, String version, List<Language> directory, List<Topic> topics) {
}
