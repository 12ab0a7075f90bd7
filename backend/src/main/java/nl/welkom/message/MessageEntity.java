package nl.welkom.message;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.message.Message;
import nl.welkom.model.message.MessageAuthor;

/**
 * A message row (V15). {@code version} rises when it is read; {@code changeSeq} is the
 * change-sequence value of the last write, by which phones pull.
 */
@MappedEntity("message")
public record MessageEntity(
        @Id String id,
        String householdId,
        MessageAuthor author,
        @Nullable String authorUserId,
        @Nullable String authorDeviceId,
        @Nullable String authorName,
        String text,
        @Nullable String lessonId,
        long sentAt,
        @Nullable Long readAt,
        long version,
        long changeSeq) {

    /** The wire form. */
    public Message asModel() {
        return new Message(id, householdId, author, authorName, text, lessonId, Instant.ofEpochMilli(sentAt).toString(),
                readAt == null ? null : Instant.ofEpochMilli(readAt).toString(), version);
    }

    /** This message read at {@code at}, with a new change-sequence value. */
    MessageEntity read(long at, long seq) {
        return new MessageEntity(id, householdId, author, authorUserId, authorDeviceId, authorName, text, lessonId,
                sentAt, at, version + 1, seq);
    }
}
