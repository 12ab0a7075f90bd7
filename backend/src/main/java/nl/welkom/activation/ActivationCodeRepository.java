package nl.welkom.activation;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface ActivationCodeRepository extends CrudRepository<ActivationCodeEntity, String> {
    Optional<ActivationCodeEntity> findByCodeHash(String codeHash);

    /** The household's codes that are unused, not withdrawn and not expired at {@code now}, oldest first. */
    @Query("SELECT * FROM activation_code WHERE household_id = :householdId AND used_at IS NULL"
            + " AND withdrawn_at IS NULL AND expires_at > :now ORDER BY created_at, id")
    List<ActivationCodeEntity> findOutstanding(String householdId, long now);

    /** Withdraws an unused code; 0 when it was used or withdrawn meanwhile. */
    @Query("UPDATE activation_code SET withdrawn_at = :withdrawnAt, withdrawn_by = :withdrawnBy"
            + " WHERE id = :id AND used_at IS NULL AND withdrawn_at IS NULL")
    int withdraw(String id, long withdrawnAt, String withdrawnBy);

    /** Spends the code; 0 when it was spent meanwhile (the condition makes a double redeem impossible). */
    @Query("UPDATE activation_code SET used_at = :usedAt, device_id = :deviceId WHERE id = :id AND used_at IS NULL"
            + " AND withdrawn_at IS NULL")
    int markUsed(String id, long usedAt, String deviceId);
}
