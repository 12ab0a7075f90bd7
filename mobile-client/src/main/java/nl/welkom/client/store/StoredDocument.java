package nl.welkom.client.store;

import java.util.Objects;

/**
 * A value the phone keeps whole and replaces whole: a content pack, the course, the phrasebook, the
 * session, the reader's languages. The store does not look inside {@code body}; the typed views of
 * the library read and write it.
 *
 * @param kind    what it is ({@code "content"}, {@code "course"}…), chosen by the view that owns it
 * @param key     which one of that kind; {@code ""} when the phone keeps one
 * @param variant which variant it is, e.g. the language chain it was fetched for; null when there are none
 * @param etag    the server's validator for it, or null
 * @param version the version it carries (compared without reading the body), or null
 * @param body    the value, usually wire JSON; never null
 */
public record StoredDocument(String kind, String key, String variant, String etag, String version, String body) {

    /** @throws NullPointerException when kind, key or body is null */
    public StoredDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
    }

    /** A document of which the phone keeps one ({@code key} ""), with no variant, validator or version. */
    public static StoredDocument of(String kind, String body) {
        return new StoredDocument(kind, "", null, null, null, body);
    }
}
