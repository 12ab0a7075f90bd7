package nl.welkom.place;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.model.place.Places;

/** Serde for the places wire types, on its own class (STACK.md pitfall 6). */
@SerdeImport(Places.class)
@SerdeImport(Place.class)
@SerdeImport(PlaceCategory.class)
final class PlaceWireFormat {
    private PlaceWireFormat() {
    }
}
