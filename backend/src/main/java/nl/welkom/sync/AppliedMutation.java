package nl.welkom.sync;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.sync.MutationOutcome;

/** A pushed mutation id the server has decided on, stored in the same transaction as its edit. */
@MappedEntity("applied_mutation")
record AppliedMutation(@Id String mutationId, String deviceId, MutationOutcome outcome, long appliedAt) {
}
