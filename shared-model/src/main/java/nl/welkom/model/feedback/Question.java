package nl.welkom.model.feedback;

/**
 * A question a family asked in the app, about a lesson or in general, as the family friend or
 * officer it was routed to reads it.
 *
 * @param id          the question's id (the mutation id the phone made)
 * @param householdId the family that asked
 * @param lessonId    the lesson it is about, or null for a general question
 * @param lessonTitle that lesson's Dutch title, or null
 * @param text        the question as typed
 * @param routedTo    {@code BUDDY} (the family's family friend) or {@code OFFICER}
 * @param createdAt   ISO-8601 instant the server received it
 */
public record Question(String id, String householdId, String lessonId, String lessonTitle, String text, String routedTo,
                       String createdAt) {
}
