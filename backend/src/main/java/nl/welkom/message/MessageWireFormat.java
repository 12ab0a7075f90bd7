package nl.welkom.message;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.message.Message;

/** Serialization of the shared-model message (STACK.md, pitfall 6: {@code @SerdeImport} on its own class). */
@SerdeImport(Message.class)
final class MessageWireFormat {
    private MessageWireFormat() {
    }
}
