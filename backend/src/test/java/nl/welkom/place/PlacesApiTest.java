package nl.welkom.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.content.ContentPacks;
import nl.welkom.model.auth.Session;
import nl.welkom.model.content.TranslationState;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.model.place.Places;
import nl.welkom.model.sync.PullResponse;
import org.junit.jupiter.api.Test;

class PlacesApiTest {
    private static final Api API = new Api();

    @Test
    void placesAreScopedToTheCallersMunicipalitySoADeviceElsewhereNeverSeesThem() {
        Session testdorp = Fixtures.device(API, "T-SCOPE");
        Session anderstad = Fixtures.device(API, Fixtures.OTHER_OFFICER, "A-OTHER");

        Places own = API.get("/api/places?lang=en", testdorp.token()).as(Places.class);
        Places other = API.get("/api/places?lang=en", anderstad.token()).as(Places.class);

        assertEquals(List.of("Gemeentehuis Testdorp", "Uw huisartsenpraktijk", "Apotheek \"De Brug\" & Zn"),
                own.places().stream().map(Place::name).toList());
        assertEquals(testdorp.municipalityId(), own.municipalityId());
        assertEquals(List.of("Stadhuis Anderstad"), other.places().stream().map(Place::name).toList());
        assertEquals(anderstad.municipalityId(), other.municipalityId());
        assertEquals(PlaceImport.id("testdorp", "gemeentehuis"), own.places().get(0).id());
        assertEquals(own.places(), API.get("/api/places?lang=en", API.login(Fixtures.BUDDY)).as(Places.class).places());
        assertEquals(other.places(),
                API.get("/api/places?lang=en", API.login(Fixtures.OTHER_OFFICER)).as(Places.class).places());
    }

    @Test
    void descriptionsAndOpeningHoursFallBackAlongTheChainAndSaySo() {
        String device = Fixtures.device(API, "T-SCOPE").token();

        List<Place> places = API.get("/api/places?lang=ar,en", device).as(Places.class).places();

        Place townHall = places.get(0);
        assertEquals(PlaceCategory.TOWN_HALL, townHall.category());
        assertEquals("ar", townHall.language());
        assertEquals("مبنى البلدية.", townHall.description());
        assertEquals(TranslationState.MACHINE_DRAFTED, townHall.state());
        assertEquals("By appointment.", townHall.openingHours(), "no Arabic hours: the next language of the chain");
        assertEquals("Dorpsplein 1", townHall.address());
        assertEquals("1234 AB", townHall.postcode());
        assertEquals("14 0000", townHall.phone());
        assertEquals(52.1, townHall.latitude());
        assertEquals(5.2, townHall.longitude());
        Place gp = places.get(1);
        assertEquals("en", gp.language());
        assertEquals(TranslationState.MISSING, gp.state());
        assertNull(gp.address());
        assertNull(gp.latitude());
        Place pharmacy = places.get(2);
        assertEquals("nl", pharmacy.language());
        assertEquals("De apotheek.", pharmacy.description());
        assertEquals(TranslationState.MISSING, pharmacy.state());
        Place dutch = API.get("/api/places?lang=nl", device).as(Places.class).places().get(0);
        assertEquals(TranslationState.UP_TO_DATE, dutch.state());
        assertEquals("Op afspraak.", dutch.openingHours());
    }

    @Test
    void unchangedPlacesCostA304AndOnlyPeopleWithAMunicipalityMayAsk() {
        String device = Fixtures.device(API, "T-SCOPE").token();
        Api.Response first = API.get("/api/places?lang=ar", device);

        Api.Response again = API.get("/api/places?lang=ar", device, "If-None-Match", first.header("ETag"));

        assertEquals(200, first.status());
        assertTrue(first.header("Cache-Control").contains("private"));
        assertEquals(304, again.status());
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(401, API.get("/api/places?lang=ar", null).status());
        assertEquals(403, API.get("/api/places?lang=ar", API.login(Fixtures.EDITOR)).status());
    }

    @Test
    void thePullsContentVersionMovesWhenThePlacesOfTheCallersMunicipalityChange() {
        TestServer server = TestServer.get();
        String device = Fixtures.device(API, "T-SCOPE").token();
        String otherDevice = Fixtures.device(API, Fixtures.OTHER_OFFICER, "A-OTHER").token();
        String before = version(device);
        String otherBefore = version(otherDevice);
        String etagBefore = API.get("/api/places?lang=en", device).header("ETag");
        String placeId = PlaceImport.id("testdorp", "gemeentehuis");
        try {
            assertEquals(1, server.update("UPDATE place_text SET opening_hours = ? WHERE place_id = ? AND lang = 'en'",
                    "Mondays 9-12.", placeId));
            // Whoever writes places says so, as for any content (LocalPlaces keeps resolved lists).
            server.context().getBean(ContentPacks.class).invalidate();

            assertNotEquals(before, version(device));
            assertNotEquals(etagBefore, API.get("/api/places?lang=en", device).header("ETag"));
            assertEquals(otherBefore, version(otherDevice), "another municipality's phones fetch nothing");
            assertFalse(API.get("/api/places?lang=en", otherDevice).body().contains("Mondays"));
        } finally {
            server.update("UPDATE place_text SET opening_hours = ? WHERE place_id = ? AND lang = 'en'",
                    "By appointment.", placeId);
            server.context().getBean(ContentPacks.class).invalidate();
        }
        assertEquals(before, version(device));
    }

    private static String version(String token) {
        return API.get("/api/sync/pull?after=0&limit=1&lang=en", token).as(PullResponse.class).contentVersion();
    }
}
