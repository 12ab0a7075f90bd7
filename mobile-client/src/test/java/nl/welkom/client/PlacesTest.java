package nl.welkom.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collections;

import nl.welkom.client.store.LocalStoreContractTest;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.model.place.Places;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The places of the phone's municipality: fetched when the content version moves, read offline. */
class PlacesTest extends ServerTestSupport {

    @Test
    void placesComeWithAMovedContentVersionAndAreReadOfflineAfterwards() throws Exception {
        activated();
        welkom.setLanguages(Collections.singletonList("ar"));
        server.enqueue(json(emptyPage(3, "combined-1")));
        server.enqueue(json(Fixtures.pack("v1", Collections.singletonList("ar"))).setHeader("ETag", "\"v1\""));
        server.enqueue(problem(404, "about:blank", "Not Found", "No course"));
        server.enqueue(json(Fixtures.phrasebook("p1")).setHeader("ETag", "\"p1\""));
        server.enqueue(json(Fixtures.places("l1")).setHeader("ETag", "\"l1\""));

        welkom.sync(SyncListener.NONE);
        take();
        take();
        take();
        take();
        assertEquals("/api/places?lang=ar", take().getPath());
        server.shutdown();

        Places places = welkom.places().get();
        assertEquals(2, places.places().size());
        Place townHall = places.places().get(0);
        assertEquals(PlaceCategory.TOWN_HALL, townHall.category());
        assertEquals("مكتب البلدية.", townHall.description());
        assertEquals(TranslationState.MACHINE_DRAFTED, townHall.state());
        assertEquals("geo:52.5,6.1?q=Stadskantoor%20Zwolle", Welkom.geoLink(townHall).get());
        assertFalse(Welkom.geoLink(places.places().get(1)).isPresent(), "a generic place has no map link");
    }

    @Test
    void aMovedVersionRevalidatesThePlacesWithTheirEtagAndA304KeepsThem() throws Exception {
        activated();
        welkom.setLanguages(Collections.singletonList("ar"));
        Shelf.CONTENT.put(store, Collections.singletonList("ar"), "\"v1\"", Fixtures.pack("v1", Collections.singletonList("ar")));
        Shelf.PLACES.put(store, Collections.singletonList("ar"), "\"l1\"", Fixtures.places("l1"));
        server.enqueue(json(emptyPage(3, "combined-2")));
        server.enqueue(notModified());
        server.enqueue(notModified());
        server.enqueue(notModified());
        server.enqueue(notModified());

        welkom.sync(SyncListener.NONE);
        take();
        take();
        take();
        take();
        RecordedRequest places = take();

        assertEquals("/api/places?lang=ar", places.getPath());
        assertEquals("\"l1\"", places.getHeader("If-None-Match"));
        assertEquals("l1", welkom.places().get().version());
        server.enqueue(json(emptyPage(3, "combined-2")));
        assertEquals(1, welkom.sync(SyncListener.NONE).requests(), "an up-to-date phone makes one request");
    }

    @Test
    void theGeoLinkEncodesTheNameAndFallsBackToAnAddressSearch() {
        Place pharmacy = new Place("p", PlaceCategory.PHARMACY, "Apotheek \"De Brug\" & Zn", "Brugstraat 3", null,
                "Testdorp", null, 52.1234, 5.0001, "nl", "De apotheek.", null, TranslationState.UP_TO_DATE);
        Place noCoordinates = new Place("q", PlaceCategory.TOWN_HALL, "Stadhuis", "Grote Kerkhof 4", "7411 KT",
                "Deventer", null, null, null, "nl", "Het stadhuis.", null, TranslationState.UP_TO_DATE);
        Place arabicName = new Place("r", PlaceCategory.LIBRARY, "مكتبة", null, null, null, null, 0.00001, -4.5,
                "ar", "مكتبة", null, TranslationState.UP_TO_DATE);

        assertEquals("geo:52.1234,5.0001?q=Apotheek%20%22De%20Brug%22%20%26%20Zn", Welkom.geoLink(pharmacy).get());
        assertFalse(Welkom.geoLink(noCoordinates).isPresent(), "never a geo:0,0 link");
        assertEquals("https://www.openstreetmap.org/search?query=Grote%20Kerkhof%204%2C%207411%20KT%20Deventer",
                Welkom.mapLink(noCoordinates).get(), "a map search for the address");
        assertEquals("https://www.openstreetmap.org/?mlat=52.1234&mlon=5.0001#map=18/52.1234/5.0001",
                Welkom.mapLink(pharmacy).get(), "the coordinates when they are known");
        assertFalse(Welkom.mapLink(new Place("p-9", PlaceCategory.SCHOOL, "De school van uw kinderen", null, null, null,
                null, null, null, "nl", "…", null, TranslationState.UP_TO_DATE)).isPresent(), "a generic place has none");
        assertEquals("geo:0.00001,-4.5?q=%D9%85%D9%83%D8%AA%D8%A8%D8%A9", Welkom.geoLink(arabicName).get());
    }
}
