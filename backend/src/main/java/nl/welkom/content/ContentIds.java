package nl.welkom.content;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic content ids (docs/content-format.md): the same slug gives the same id on every
 * installation, so phones keep their progress across servers and re-imports.
 */
final class ContentIds {
    private ContentIds() {
    }

    static String topic(String slug) {
        return of("topic:" + slug);
    }

    static String lesson(String slug) {
        return of("lesson:" + slug);
    }

    static String section(String lessonSlug, int position) {
        return of("section:" + lessonSlug + ":" + position);
    }

    /** Id of the translation of node {@code nodeId} into {@code lang}. */
    static String translation(String nodeId, String lang) {
        return of("translation:" + nodeId + ":" + lang);
    }

    private static String of(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
