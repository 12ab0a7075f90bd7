package nl.welkom.model.sync;

/**
 * One edit made on a phone, queued in its outbox until the server confirms it.
 *
 * @param id          client-generated UUID; the server applies a mutation id at most once
 * @param type        what the edit does
 * @param entityId    id of the record edited
 * @param baseVersion server version of the record the edit was made on
 * @param createdAt   ISO-8601 instant on the phone's clock; informational only, never used for ordering
 * @param value       the new value for types that carry one ({@link MutationType#TASK_SET_NOTE}), otherwise null
 */
public record Mutation(String id, MutationType type, String entityId, long baseVersion, String createdAt, String value) {
}
