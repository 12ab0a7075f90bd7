package nl.welkom.model.place;

import nl.welkom.model.content.TranslationState;

/**
 * One place that matters in the reader's municipality. Address fields, phone and coordinates are
 * null when the place is described only generically (for example "your GP practice").
 *
 * @param id           name-based UUID of (municipality slug, place slug)
 * @param category     what kind of place
 * @param name         the place's name as signposted (Dutch)
 * @param address      street and number, or null
 * @param postcode     postcode, or null
 * @param city         city, or null
 * @param phone        phone number as dialled, or null
 * @param latitude     WGS84 latitude, or null
 * @param longitude    WGS84 longitude, or null
 * @param language     the language {@code description} and {@code openingHours} are in (first of the chain that has them)
 * @param description  what the place is for, in {@code language}
 * @param openingHours opening hours as short text, or null
 * @param state        the description's translation state ({@code MISSING} on fallback)
 */
public record Place(String id, PlaceCategory category, String name, String address, String postcode, String city,
                    String phone, Double latitude, Double longitude, String language, String description,
                    String openingHours, TranslationState state) {
}
