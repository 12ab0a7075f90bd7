package nl.welkom.editor;

import io.micronaut.core.annotation.Nullable;

/**
 * A text of a lesson revision that breaks a rule: the edit page shows it next to its field (in the
 * viewer's language, from the bundle), the API as the problem's English {@code detail}. Public
 * only because the template engine reads it by reflection.
 *
 * @param field    the form field: {@code title}, {@code summary}, {@code heading-<sectionId>}, {@code body-<sectionId>}
 * @param kind     what the field holds: {@code title}, {@code summary}, {@code heading} or {@code body}
 * @param section  the section's position in the lesson (1, 2, …), or null for title and summary
 * @param required true when the text is missing, false when it is longer than {@code max}
 * @param max      the most characters allowed
 * @param length   the characters given
 */
public record FieldProblem(String field, String kind, @Nullable Integer section, boolean required, int max, int length) {

    /** The problem for the API, in English like the rest of the API's details. */
    String detail() {
        return required ? kind + " is required." : kind + " is longer than " + max + " characters.";
    }
}
