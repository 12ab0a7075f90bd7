package nl.welkom.matching;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.household.FamilyFriend;

/** The shared-model type matching puts on the wire: the family friend in the family's own household. */
@SerdeImport(FamilyFriend.class)
final class MatchingWireFormat {
    private MatchingWireFormat() {
    }
}
