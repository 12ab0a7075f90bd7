package nl.welkom.place;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.config.BoundedCache;
import nl.welkom.config.Sql;
import nl.welkom.content.ContentPacks;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.model.place.Places;

/**
 * The places of one municipality, resolved for a language chain like the phrasebook: each place's
 * description and opening hours in the first language of the chain that has them (state
 * {@link TranslationState#MISSING} on fallback), opening hours likewise along the chain on their
 * own. The version is a hash of the resolved list.
 *
 * <p>Resolved lists are kept per municipality and chain, since every pull asks for the version
 * (issue 14: reading and hashing them was a third of an up-to-date pull). They are dropped when the
 * content's {@link ContentPacks#epoch() epoch} moves: whoever writes places calls
 * {@link ContentPacks#invalidate()}, as for any content, and other instances follow within 2 s.
 */
@Singleton
public class LocalPlaces {
    private static final String SOURCE = "nl";

    private final TransactionOperations<Connection> transactions;
    private final ContentPacks packs;
    private static final int MAX_CACHED = 1024;

    private final JsonMapper json;
    private final BoundedCache<Key, Cached> cache = new BoundedCache<>(MAX_CACHED);

    LocalPlaces(TransactionOperations<Connection> transactions, ContentPacks packs, JsonMapper json) {
        this.transactions = transactions;
        this.packs = packs;
        this.json = json;
    }

    /** The chain for a request: {@code lang} first, else {@code Accept-Language}; always ends in Dutch. */
    public List<String> chain(@Nullable String lang, @Nullable String acceptLanguage) {
        return packs.chain(lang, acceptLanguage);
    }

    /** The version of the places of {@code municipalityId} for {@code lang} ({@code ar,en}); "" without a municipality. */
    public String version(@Nullable String municipalityId, String lang) {
        return municipalityId == null ? "" : places(municipalityId, chain(lang, null)).version();
    }

    /** The places of {@code municipalityId} for a chain ending in Dutch; from cache while no content was written. */
    public Places places(String municipalityId, List<String> chain) {
        long epoch = packs.epoch();
        Key key = new Key(municipalityId, List.copyOf(chain));
        Cached cached = cache.get(key);
        if (cached != null && cached.epoch() == epoch) {
            return cached.places();
        }
        Places read = read(municipalityId, chain);
        // Kept under the epoch read before the rows, so a list read before a write never outlives it.
        cache.put(key, new Cached(epoch, read));
        return read;
    }

    private record Key(String municipalityId, List<String> chain) {
    }

    private record Cached(long epoch, Places places) {
    }

    private Places read(String municipalityId, List<String> chain) {
        List<Row> rows = new ArrayList<>();
        List<TextRow> textRows = new ArrayList<>();
        transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            rows.addAll(Sql.query(connection, "SELECT id, category, position, name, address, postcode, city, phone, "
                    + "latitude, longitude FROM place WHERE municipality_id = ?", LocalPlaces::row, municipalityId));
            textRows.addAll(Sql.query(connection, "SELECT t.place_id, t.lang, t.description, t.opening_hours, t.state "
                    + "FROM place_text t JOIN place p ON p.id = t.place_id WHERE p.municipality_id = ?",
                    LocalPlaces::textRow, municipalityId));
            return null;
        });
        Map<String, Map<String, Text>> texts = new HashMap<>();
        for (TextRow row : textRows) {
            texts.computeIfAbsent(row.placeId(), id -> new HashMap<>()).put(row.lang(), row.text());
        }
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(Row::category).thenComparingInt(Row::position));
        List<Place> places = new ArrayList<>();
        for (Row row : ordered) {
            Map<String, Text> byLang = texts.getOrDefault(row.id(), Map.of());
            String lang = firstIn(chain, byLang);
            Text text = byLang.get(lang);
            String hours = chain.stream().map(byLang::get).filter(t -> t != null && t.openingHours() != null)
                    .map(Text::openingHours).findFirst().orElse(null);
            TranslationState state = !lang.equals(chain.get(0)) ? TranslationState.MISSING
                    : text == null ? TranslationState.MISSING : text.state();
            places.add(new Place(row.id(), row.category(), row.name(), row.address(), row.postcode(), row.city(),
                    row.phone(), row.latitude(), row.longitude(), lang, text == null ? null : text.description(),
                    hours, state));
        }
        Places unversioned = new Places(municipalityId, chain, null, List.copyOf(places));
        return new Places(municipalityId, chain, hash(unversioned), unversioned.places());
    }

    private static Row row(ResultSet result) throws SQLException {
        return new Row(result.getString(1), PlaceCategory.valueOf(result.getString(2)), result.getInt(3),
                result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                result.getString(8), decimal(result, 9), decimal(result, 10));
    }

    private static TextRow textRow(ResultSet result) throws SQLException {
        return new TextRow(result.getString(1), result.getString(2), new Text(result.getString(3),
                result.getString(4), TranslationState.valueOf(result.getString(5))));
    }

    private static Double decimal(ResultSet result, int column) throws SQLException {
        double value = result.getDouble(column);
        return result.wasNull() ? null : value;
    }

    private static String firstIn(List<String> chain, Map<String, Text> texts) {
        for (String lang : chain) {
            if (texts.containsKey(lang)) {
                return lang;
            }
        }
        return SOURCE;
    }

    private String hash(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(value));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private record Row(String id, PlaceCategory category, int position, String name, String address, String postcode,
                       String city, String phone, Double latitude, Double longitude) {
    }

    private record TextRow(String placeId, String lang, Text text) {
    }

    private record Text(String description, String openingHours, TranslationState state) {
    }
}
