package nl.welkom.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface AuthTokenRepository extends CrudRepository<AuthToken, String> {

    @Query("UPDATE auth_token SET revoked_at = :revokedAt WHERE token_hash = :tokenHash AND revoked_at IS NULL")
    int revoke(String tokenHash, long revokedAt);

    @Query("UPDATE auth_token SET revoked_at = :revokedAt WHERE device_id = :deviceId AND revoked_at IS NULL")
    int revokeAllOfDevice(String deviceId, long revokedAt);

    @Query("UPDATE auth_token SET revoked_at = :revokedAt WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOfUser(String userId, long revokedAt);
}
