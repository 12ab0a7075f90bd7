package nl.welkom.model.place;

import java.util.List;

/**
 * {@code GET /api/places?lang=ar,en}: the places of the caller's municipality for one language chain.
 *
 * @param municipalityId the municipality the places belong to
 * @param languages      the chain that was applied, requested languages first, Dutch last
 * @param version        opaque version; also the {@code ETag}
 * @param places         by category, then position
 */
public record Places(String municipalityId, List<String> languages, String version, List<Place> places) {
}
