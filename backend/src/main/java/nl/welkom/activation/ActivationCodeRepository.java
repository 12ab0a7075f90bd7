package nl.welkom.activation;

import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface ActivationCodeRepository extends CrudRepository<ActivationCodeEntity, String> {
    Optional<ActivationCodeEntity> findByCodeHash(String codeHash);

    /** Spends the code; 0 when it was spent meanwhile (the condition makes a double redeem impossible). */
    @Query("UPDATE activation_code SET used_at = :usedAt, device_id = :deviceId WHERE id = :id AND used_at IS NULL")
    int markUsed(String id, long usedAt, String deviceId);
}
