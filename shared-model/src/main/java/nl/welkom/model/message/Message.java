package nl.welkom.model.message;

/**
 * One message in a household's conversation with its officers and, when matched, its family friend
 * (docs/messages.md; on the wire: docs/sync.md, "Messages"). A household has one conversation; its
 * questions about lessons are messages of that conversation too.
 *
 * @param id          the message's id: the id of the mutation that sent it from a phone, or a UUID the
 *                    server made for one written in the dashboard
 * @param householdId the household whose conversation it belongs to
 * @param from        who wrote it
 * @param authorName  the officer's or family friend's display name; null for the household
 * @param text        the text as written, at most {@link #MAX_LENGTH} characters (code points)
 * @param lessonId    the lesson a question is about, or null
 * @param sentAt      ISO-8601 instant the server received it
 * @param readAt      ISO-8601 instant the other side first read it (the staff side for a household's
 *                    message, the household for a staff message), or null while unread
 * @param version     server version; raised when it is read
 */
public record Message(
        String id,
        String householdId,
        MessageAuthor from,
        String authorName,
        String text,
        String lessonId,
        String sentAt,
        String readAt,
        long version) {

    /** The longest message, in characters (Unicode code points). */
    public static final int MAX_LENGTH = 2000;
}
