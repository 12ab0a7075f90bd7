package nl.welkom.client.cli;

import java.util.Optional;

import nl.welkom.client.Welkom;
import nl.welkom.model.place.Place;
import nl.welkom.model.place.PlaceCategory;
import nl.welkom.model.place.Places;

/**
 * The places of the phone's municipality by category: name and address (Dutch, as signposted),
 * phone, opening hours and what the place is for (in the reader's language), and the map link.
 */
final class PlacesScreen {

    private final Ui ui;
    private final Welkom welkom;

    PlacesScreen(Ui ui, Welkom welkom) {
        this.ui = ui;
        this.welkom = welkom;
    }

    void show() {
        Optional<Places> found = welkom.places();
        if (!found.isPresent() || found.get().places().isEmpty()) {
            ui.say(ui.t("places.none"));
            return;
        }
        ui.blank();
        ui.say(ui.t("places.title"));
        PlaceCategory current = null;
        boolean first = true;
        for (Place place : found.get().places()) {
            if (place.category() != current || first) {
                current = place.category();
                first = false;
                ui.blank();
                // A category from a newer server reads as null here: shown as "other places".
                ui.say("== " + (current == null ? ui.t("places.other") : ui.t("place." + current.name())) + " ==");
            }
            ui.term.line("  " + Terminal.sanitize(place.name()));
            if (place.address() != null) {
                String town = ((place.postcode() == null ? "" : place.postcode() + " ")
                        + (place.city() == null ? "" : place.city())).trim();
                ui.term.line("    " + Terminal.sanitize(place.address()) + (town.isEmpty() ? "" : ", " + Terminal.sanitize(town)));
            }
            if (place.phone() != null) {
                ui.say("    " + ui.t("places.phone", Terminal.sanitize(place.phone())));
            }
            if (place.openingHours() != null) {
                ui.contentLine("    " + ui.t("places.hours") + " ", Terminal.sanitize(place.openingHours()),
                        place.language(), null);
            }
            if (place.description() != null) {
                ui.contentLine("    ", Terminal.sanitize(place.description()), place.language(), place.state());
            }
            Optional<String> link = Welkom.mapLink(place);
            if (link.isPresent()) {
                ui.say("    " + ui.t("places.map", link.get()));
            }
        }
    }
}
