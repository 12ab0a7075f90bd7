package nl.welkom.admin;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface PasswordCodeRepository extends CrudRepository<PasswordCodeEntity, String> {
    Optional<PasswordCodeEntity> findByCodeHash(String codeHash);

    /** The codes that may still be used, for the account list ("waiting for a first sign-in until …"). */
    @Query("SELECT * FROM password_code WHERE used_at IS NULL AND withdrawn_at IS NULL AND expires_at > :now")
    List<PasswordCodeEntity> findOutstanding(long now);

    /**
     * Spends the code; 0 when it was spent, withdrawn or expired meanwhile (the condition makes a double
     * use impossible).
     */
    @Query("UPDATE password_code SET used_at = :usedAt WHERE id = :id AND used_at IS NULL AND withdrawn_at IS NULL"
            + " AND expires_at > :usedAt")
    int markUsed(String id, long usedAt);

    /** Withdraws every code of the account not yet used: a newer code replaces them, or the account is deactivated. */
    @Query("UPDATE password_code SET withdrawn_at = :withdrawnAt WHERE user_id = :userId AND used_at IS NULL"
            + " AND withdrawn_at IS NULL")
    int withdrawAllOf(String userId, long withdrawnAt);
}
