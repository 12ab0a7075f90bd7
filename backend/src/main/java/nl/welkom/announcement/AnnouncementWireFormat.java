package nl.welkom.announcement;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.announcement.Announcement;

/** Lets Micronaut Serialization read and write the shared announcement record. */
@SerdeImport(Announcement.class)
final class AnnouncementWireFormat {
    private AnnouncementWireFormat() {
    }
}
