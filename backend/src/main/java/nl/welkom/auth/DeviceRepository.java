package nl.welkom.auth;

import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface DeviceRepository extends CrudRepository<Device, String> {

    /** The device with what a session needs of its household, without depending on the household feature. */
    @Query("SELECT d.id AS device_id, d.household_id AS household_id, d.revoked_at AS revoked_at,"
            + " h.municipality_id AS municipality_id, h.display_name AS household_name"
            + " FROM device d JOIN household h ON h.id = d.household_id WHERE d.id = :deviceId")
    Optional<DeviceOwner> findOwner(String deviceId);

    List<Device> findByHouseholdIdOrderByCreatedAt(String householdId);

    /** Marks a device revoked; 0 when it was revoked already. */
    @Query("UPDATE device SET revoked_at = :revokedAt WHERE id = :id AND revoked_at IS NULL")
    int revoke(String id, long revokedAt);

    /** A device and the household that owns it. */
    @Introspected
    record DeviceOwner(String deviceId, String householdId, @Nullable Long revokedAt, String municipalityId,
                       String householdName) {
    }
}
