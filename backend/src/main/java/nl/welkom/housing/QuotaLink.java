package nl.welkom.housing;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A household counted towards a quota period; a household is linked to one period at most. */
@MappedEntity("quota_link")
record QuotaLink(@Id String id, String periodId, String householdId, long linkedAt, String linkedBy) {
}
