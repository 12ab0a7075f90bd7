package nl.welkom.auth;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.auth.DeviceInfo;

/**
 * A household's phone, created by redeeming an activation code. A revoked device (a lost phone)
 * keeps its row; its tokens are refused from then on.
 *
 * @param name label the household chose ("Amina's phone"); personal data, never logged
 */
@MappedEntity("device")
public record Device(@Id String id, String householdId, String name, long createdAt, @Nullable Long revokedAt) {

    /** The wire form, as an officer sees it. */
    public DeviceInfo asModel() {
        return new DeviceInfo(id, householdId, name, Instant.ofEpochMilli(createdAt).toString(),
                revokedAt == null ? null : Instant.ofEpochMilli(revokedAt).toString());
    }
}
