package nl.welkom.model.sync;

/**
 * @param mutationId id of the pushed mutation
 * @param outcome    what the server did
 * @param detail     short explanation for {@link MutationOutcome#REJECTED}, otherwise null
 */
public record MutationResult(String mutationId, MutationOutcome outcome, String detail) {
}
