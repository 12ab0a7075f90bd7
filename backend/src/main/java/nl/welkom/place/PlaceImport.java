package nl.welkom.place;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.welkom.config.Sql;
import nl.welkom.config.YamlNode;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.place.PlaceCategory;

/**
 * Writes a municipality's {@code places} from the demo file (docs/content-format.md, "Places")
 * inside the caller's transaction. Dutch text is required; other languages are stored as
 * {@link TranslationState#MACHINE_DRAFTED} unless the entry names another state.
 */
public final class PlaceImport {
    private static final String SOURCE = "nl";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private PlaceImport() {
    }

    /** The place id: a name-based UUID of the municipality's and the place's slugs. */
    public static String id(String municipalitySlug, String placeSlug) {
        return UUID.nameUUIDFromBytes(("place:" + municipalitySlug + ":" + placeSlug)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Imports {@code municipality}'s places; returns how many. */
    public static int load(Connection connection, YamlNode municipality, String municipalityId, long now) {
        String municipalitySlug = municipality.text("slug");
        Set<String> slugs = new HashSet<>();
        int position = 0;
        for (YamlNode place : municipality.children("places")) {
            String slug = place.text("slug");
            if (!SLUG.matcher(slug).matches()) {
                throw place.fail("slug", "must be lowercase letters, digits and single dashes");
            }
            if (!slugs.add(slug)) {
                throw place.fail("slug", "'" + slug + "' is used twice");
            }
            Optional<Double> latitude = place.optionalDouble("latitude");
            Optional<Double> longitude = place.optionalDouble("longitude");
            if (latitude.isPresent() != longitude.isPresent()) {
                throw place.fail("latitude", "and longitude go together");
            }
            if (latitude.isPresent() && (Math.abs(latitude.get()) > 90 || Math.abs(longitude.get()) > 180)) {
                throw place.fail("latitude", "is not a WGS84 coordinate");
            }
            Map<String, String> descriptions = place.textMap("description");
            if (!descriptions.containsKey(SOURCE)) {
                throw place.fail("description.nl", "is required: Dutch is the source language");
            }
            Map<String, String> hours = place.textMap("openingHours");
            String id = id(municipalitySlug, slug);
            Sql.update(connection, "INSERT INTO place (id, municipality_id, slug, category, position, name, address, "
                            + "postcode, city, phone, latitude, longitude, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, municipalityId, slug, place.enumValue("category", PlaceCategory.class).name(), position++,
                    place.text("name"), place.optionalText("address").orElse(null),
                    place.optionalText("postcode").orElse(null), place.optionalText("city").orElse(null),
                    place.optionalText("phone").orElse(null), latitude.orElse(null), longitude.orElse(null), now);
            TranslationState drafted = place.optionalText("state").isPresent()
                    ? place.enumValue("state", TranslationState.class) : TranslationState.MACHINE_DRAFTED;
            descriptions.forEach((lang, text) -> Sql.update(connection,
                    "INSERT INTO place_text (place_id, lang, description, opening_hours, state) VALUES (?, ?, ?, ?, ?)",
                    id, lang, text, hours.get(lang),
                    (SOURCE.equals(lang) ? TranslationState.UP_TO_DATE : drafted).name()));
        }
        return position;
    }
}
