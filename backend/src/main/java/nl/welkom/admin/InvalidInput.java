package nl.welkom.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.http.HttpStatus;

/**
 * Input an administrator's or a staff member's form or request cannot be accepted with: each
 * offending field with the message key (admin bundle) that says why. The API turns it into a
 * problem body with the English words ({@code 400 bad-request}, or {@code 409} for a taken username
 * or slug), the pages into the form again with each message next to its field. Nothing has been
 * stored when it is thrown.
 */
final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String slug;
    private final transient Map<String, String> fields;

    private InvalidInput(HttpStatus status, String slug, Map<String, String> fields) {
        super(slug, null, false, false);
        this.status = status;
        this.slug = slug;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** 400: one or more fields are wrong. */
    static InvalidInput of(Map<String, String> fields) {
        return new InvalidInput(HttpStatus.BAD_REQUEST, "bad-request", new LinkedHashMap<>(fields));
    }

    /** 400 for one field. */
    static InvalidInput field(String field, String key) {
        return of(Map.of(field, key));
    }

    /** 409: the value of {@code field} is taken already (a username, a slug). */
    static InvalidInput taken(String slug, String field, String key) {
        return withSlug(HttpStatus.CONFLICT, slug, field, key);
    }

    /** One field, with a problem type of its own. */
    static InvalidInput withSlug(HttpStatus status, String slug, String field, String key) {
        return new InvalidInput(status, slug, Map.of(field, key));
    }

    HttpStatus status() {
        return status;
    }

    String slug() {
        return slug;
    }

    /** Field name → message key, in the order of the form. */
    Map<String, String> fields() {
        return fields;
    }
}
