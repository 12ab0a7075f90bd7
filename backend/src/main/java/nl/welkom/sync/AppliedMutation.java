package nl.welkom.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.sync.MutationOutcome;

/**
 * A pushed mutation id the server has decided on, stored in the same transaction as its edit.
 * The actor is a device (a household's phone) or a person (a buddy): exactly one is set.
 *
 * @param detail why it was rejected, so that a retry hears the same reason; otherwise null
 */
@MappedEntity("applied_mutation")
record AppliedMutation(@Id String mutationId, @Nullable String deviceId, @Nullable String userId,
                       MutationOutcome outcome, @Nullable String detail, long appliedAt) {
}
