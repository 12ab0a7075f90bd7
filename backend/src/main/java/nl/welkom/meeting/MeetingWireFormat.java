package nl.welkom.meeting;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.buddy.Meeting;

/** Serialization of the shared-model meeting (STACK.md, pitfall 6: {@code @SerdeImport} on its own class). */
@SerdeImport(Meeting.class)
final class MeetingWireFormat {
    private MeetingWireFormat() {
    }
}
