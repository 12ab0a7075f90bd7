package nl.welkom.announcement;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;

/**
 * Lets the tests read a {@code PullResponse} (it names {@link Message}) before the messages feature
 * brings its own wire format to main. Delete this file when merging that branch.
 */
@SerdeImport(Message.class)
@SerdeImport(MessageAuthor.class)
final class MessageWireFormatForTests {
    private MessageWireFormatForTests() {
    }
}
