package nl.welkom.content;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.content.SearchHit;

/** Serialization of the content feature's shared-model types that {@code WireFormat} does not list. */
@SerdeImport(SearchHit.class)
final class ContentWireFormat {
    private ContentWireFormat() {
    }
}
