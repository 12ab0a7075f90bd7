package nl.welkom.matching;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /api/households/{id}/buddy-suggestions}: the ranked suggestions and who was left out.
 * Backend-only wire type for officers; sentences in Dutch.
 *
 * @param suggestions best first (ties by last name, first name)
 * @param excluded    volunteers left out (full, or matched with this household already), by name
 */
@Serdeable
public record SuggestionInfo(String householdId, List<Suggestion> suggestions, List<Excluded> excluded) {

    /**
     * One suggested volunteer.
     *
     * @param buddyUserId for {@code POST /api/households/{id}/buddy-matches}
     * @param name        first and last name
     * @param score       the sum of the parts' points
     * @param parts       best first
     * @param languages   language codes with level, e.g. {@code ti:NATIVE}
     */
    @Serdeable
    public record Suggestion(String volunteerId, String buddyUserId, String name, int score, List<Part> parts,
                             List<String> languages) {
    }

    /**
     * One reason.
     *
     * @param kind     LANGUAGE, DISTANCE, HOURS, ROOM, PREFERENCE or GENDER
     * @param points   what it adds (negative for a misfit)
     * @param sentence why, in words
     */
    @Serdeable
    public record Part(String kind, int points, String sentence) {
    }

    /** A volunteer not suggested, and why. */
    @Serdeable
    public record Excluded(String volunteerId, String name, String reason) {
    }
}
