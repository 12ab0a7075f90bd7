package nl.welkom.auth;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.welkom.config.Sql;
import nl.welkom.model.auth.Role;
import nl.welkom.model.auth.Session;
import nl.welkom.problem.ProblemException;

/**
 * Sessions: password login, device sessions after activation, logout, and resolving a bearer
 * token to its {@link Caller}. Tokens are random, returned once, and stored only as a keyed hash.
 * Staff tokens live {@code welkom.auth.staff-token-ttl} (12 h), device tokens
 * {@code welkom.auth.device-token-ttl} (180 days); a token of a revoked device is refused.
 */
@Singleton
public class AuthService {
    static final String EXPIRES_AT = "expiresAt";

    private final AppUserRepository users;
    private final MunicipalityRepository municipalities;
    private final DeviceRepository devices;
    private final AuthTokenRepository tokens;
    private final SecretHasher hasher;
    private final Passwords passwords;
    private final AuthProperties properties;
    private final Clock clock;
    private final ConnectionOperations<Connection> connections;

    AuthService(AppUserRepository users, MunicipalityRepository municipalities, DeviceRepository devices,
                AuthTokenRepository tokens, SecretHasher hasher, Passwords passwords, AuthProperties properties,
                Clock clock, ConnectionOperations<Connection> connections) {
        this.connections = connections;
        this.users = users;
        this.municipalities = municipalities;
        this.devices = devices;
        this.tokens = tokens;
        this.hasher = hasher;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Password login for staff and volunteers.
     *
     * @return a session with a new token
     * @throws ProblemException 401 {@code login-failed}, the same for an unknown user and a wrong password
     */
    public Session login(@Nullable String username, @Nullable String password) {
        if (username == null || password == null) {
            throw loginFailed();
        }
        Optional<AppUser> found = users.findByUsername(username.trim().toLowerCase(java.util.Locale.ROOT));
        boolean verified = found.isPresent()
                ? passwords.matches(password, found.get().passwordHash())
                : passwords.failSlowly(password);
        // A deactivated account gets the same answer as a wrong password, after the same work.
        if (!verified || !found.get().active()) {
            throw loginFailed();
        }
        AppUser user = found.get();
        Issued issued = issue(user.id(), null, properties.staffTokenTtl());
        return userSession(user, issued.token(), issued.expiresAt());
    }

    /**
     * Opens a session for an active account without a password check: for a person who has just
     * set a password with a one-time sign-in code. Joins the caller's transaction.
     *
     * @throws ProblemException 404 when there is no such active account
     */
    public Session openUserSession(String userId) {
        AppUser user = users.findById(userId).filter(AppUser::active).orElseThrow(ProblemException::notFound);
        Issued issued = issue(user.id(), null, properties.staffTokenTtl());
        return userSession(user, issued.token(), issued.expiresAt());
    }

    /**
     * Ends every session of an account at once (deactivation, password reset): its tokens are refused
     * from the next request on. Joins the caller's transaction.
     *
     * @return how many tokens were revoked
     */
    public int revokeAllOfUser(String userId) {
        return tokens.revokeAllOfUser(userId, clock.millis());
    }

    /**
     * Opens a session for a newly activated device. Joins the caller's transaction, so the token
     * exists only if the activation commits.
     */
    public Session openDeviceSession(String deviceId) {
        DeviceRepository.DeviceOwner owner = devices.findOwner(deviceId).orElseThrow(ProblemException::notFound);
        Issued issued = issue(null, deviceId, properties.deviceTokenTtl());
        return deviceSession(owner, issued.token(), issued.expiresAt());
    }

    /** Revokes {@code token}; unknown or already revoked tokens are ignored. */
    public void logout(@Nullable String token) {
        if (token != null) {
            tokens.revoke(hasher.hash(token), clock.millis());
        }
    }

    /** The session of an authenticated request, without its token ({@code GET /api/me}). */
    public Session describe(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Object expiresAt = authentication.getAttributes().get(EXPIRES_AT);
        long expiry = expiresAt instanceof Number ? ((Number) expiresAt).longValue() : 0L;
        if (caller.isDevice()) {
            return devices.findOwner(caller.deviceId())
                    .map(owner -> deviceSession(owner, null, expiry))
                    .orElseThrow(ProblemException::notFound);
        }
        return users.findById(caller.userId())
                .map(user -> userSession(user, null, expiry))
                .orElseThrow(ProblemException::notFound);
    }

    /**
     * What a presented token is worth: the caller it belongs to (with the token's expiry), or no
     * caller when the token is unknown, expired or revoked, or its account is deactivated. A token of a revoked device, and
     * any token (live, expired or revoked) of a deactivated family-friend ({@code BUDDY}) account — a volunteer who
     * stopped — is told apart ({@link TokenCheck#deviceRevoked()}), so that the phone learns to wipe its copy of the
     * families. Other roles get a plain "no caller": an officer simply signs in again.
     */
    TokenCheck check(String token) {
        return check(token, null);
    }

    /**
     * {@link #check(String)}, with a route's {@link TokenQuestion} asked in the same statement; its
     * answer comes back only with a household's device as the caller.
     */
    TokenCheck check(String token, @Nullable TokenQuestion.Asked question) {
        // One statement on a connection without a transaction (issue 14: every request of every phone
        // comes through here; two repository look-ups in a transaction cost a fifth of an up-to-date
        // pull), shared with the checks that wait while another runs (CombinedChecks). Not cached, so
        // a revocation or logout on any instance counts from the next request on.
        String hash = hasher.hash(token);
        TokenRow row = combined(hash, question);
        if (row == null) {
            return TokenCheck.NONE;
        }
        boolean usable = row.revokedAt() == null && row.expiresAt() > clock.millis();
        if (row.deviceId() != null) {
            // A device counts only with its household (as DeviceRepository.findOwner).
            boolean owned = row.householdId() != null;
            if (owned && row.deviceRevokedAt() != null) {
                return TokenCheck.DEVICE_REVOKED;
            }
            if (!owned || !usable) {
                return TokenCheck.NONE;
            }
            return new TokenCheck(new Caller(Role.NEWCOMER, null, row.deviceId(), row.householdMunicipalityId(),
                    row.householdId()).toAuthentication(row.expiresAt()), false, row.answer());
        }
        if (row.role() != null && !row.active() && row.role() == Role.BUDDY) {
            // A family friend who stopped (or whose account was deactivated) must not keep the
            // families on the phone: the phone is told to wipe, like a revoked device.
            return TokenCheck.DEVICE_REVOKED;
        }
        if (!usable || row.role() == null || !row.active()) {
            return TokenCheck.NONE;
        }
        return TokenCheck.of(new Caller(row.role(), row.userId(), null, row.userMunicipalityId(), null)
                .toAuthentication(row.expiresAt()));
    }

    private static final String TOKEN_COLUMNS = "SELECT t.user_id, t.device_id, t.expires_at, t.revoked_at,"
            + " d.revoked_at, h.id, h.municipality_id, u.role, u.municipality_id, u.active";
    private static final String TOKEN_JOINS = " FROM q JOIN auth_token t ON t.token_hash = q.token_hash"
            + " LEFT JOIN device d ON d.id = t.device_id LEFT JOIN household h ON h.id = d.household_id"
            + " LEFT JOIN app_user u ON u.id = t.user_id";
    private static final int TOKEN_COLUMN_COUNT = 10;
    /** The most tokens one statement checks (CombinedChecks); the blocking pool rarely queues more. */
    static final int MAX_COMBINED = 32;

    /**
     * The statements, made once each: PgJDBC finds its prepared statement by the SQL string, and a
     * string built anew on every request is hashed anew. Keyed by the question's columns, its number
     * of values and the number of tokens.
     */
    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    /** Checks without a question, and checks per question, each combined with their own kind. */
    private final Map<String, CombinedChecks<Lookup>> combined = new ConcurrentHashMap<>();

    /**
     * The token check's statement for {@code tokens} tokens: a row {@code q} per token (its place
     * {@code i} in the batch, its hash, and the request's own values {@code v1}…{@code vN} for the
     * question), each joined to its token, device, household and account; the question's columns after
     * the check's own, and {@code q.i} last (for the query-plan test too).
     */
    static String tokenCheckSql(@Nullable String questionColumns, int values, int tokens) {
        String columns = questionColumns == null ? "" : questionColumns;
        return STATEMENTS.computeIfAbsent(columns + '\u0000' + values + '\u0000' + tokens, key -> {
            StringBuilder names = new StringBuilder("i, token_hash");
            StringBuilder row = new StringBuilder("(?, ?");
            for (int v = 1; v <= values; v++) {
                names.append(", v").append(v);
                row.append(", ?");
            }
            row.append(')');
            return "WITH q(" + names + ") AS (VALUES " + row + (", " + row).repeat(tokens - 1) + ") "
                    + TOKEN_COLUMNS + (columns.isEmpty() ? "" : ", " + columns) + ", q.i" + TOKEN_JOINS;
        });
    }

    /** A token check queued for {@link CombinedChecks}: its hash and question, and the row found. */
    private static final class Lookup extends CombinedChecks.Lookup {
        final String hash;
        final @Nullable TokenQuestion.Asked question;
        @Nullable TokenRow row;

        Lookup(String hash, @Nullable TokenQuestion.Asked question) {
            this.hash = hash;
            this.question = question;
        }

        List<Object> values() {
            return question == null ? List.of() : question.values();
        }
    }

    private @Nullable TokenRow combined(String hash, @Nullable TokenQuestion.Asked question) {
        Lookup lookup = new Lookup(hash, question);
        String columns = question == null ? "" : question.columns();
        int values = lookup.values().size();
        combined.computeIfAbsent(columns + '\u0000' + values, key -> new CombinedChecks<>(MAX_COMBINED,
                batch -> checkAll(columns.isEmpty() ? null : columns, values, batch))).answer(lookup);
        return lookup.row;
    }

    /**
     * One statement for the batch's tokens, their number rounded up to a power of two (a handful of
     * statements to prepare, not one per size) by repeating the first; each row goes to the lookup at
     * its {@code q.i}, which reads it with its own question's reader.
     */
    private void checkAll(@Nullable String questionColumns, int values, List<Lookup> batch) {
        int below = Integer.highestOneBit(batch.size());
        int tokens = below == batch.size() ? below : below * 2;
        Object[] parameters = new Object[tokens * (2 + values)];
        int p = 0;
        for (int i = 0; i < tokens; i++) {
            int index = Math.min(i, batch.size() - 1);
            Lookup lookup = batch.get(index);
            parameters[p++] = index;
            parameters[p++] = lookup.hash;
            for (Object value : lookup.values()) {
                parameters[p++] = value;
            }
        }
        connections.executeRead(status -> Sql.forEach(status.getConnection(),
                tokenCheckSql(questionColumns, values, tokens), row -> {
                    Lookup lookup = batch.get(row.getInt(row.getMetaData().getColumnCount()));
                    lookup.row = TokenRow.of(row, lookup.question);
                }, parameters));
    }

    /**
     * A token with its device and household, or its account (role null: no such account), and the
     * answer to the request's question (null without one).
     */
    private record TokenRow(@Nullable String userId, @Nullable String deviceId, long expiresAt, @Nullable Long revokedAt,
                            @Nullable Long deviceRevokedAt, @Nullable String householdId,
                            @Nullable String householdMunicipalityId, @Nullable Role role,
                            @Nullable String userMunicipalityId, boolean active, @Nullable Object answer) {
        static TokenRow of(ResultSet row, @Nullable TokenQuestion.Asked question) throws SQLException {
            String role = row.getString(8);
            return new TokenRow(row.getString(1), row.getString(2), row.getLong(3), nullableLong(row, 4),
                    nullableLong(row, 5), row.getString(6), row.getString(7), role == null ? null : Role.valueOf(role),
                    row.getString(9), row.getBoolean(10),
                    question == null ? null : question.reader().read(row, TOKEN_COLUMN_COUNT + 1));
        }

        private static Long nullableLong(ResultSet row, int column) throws SQLException {
            long value = row.getLong(column);
            return row.wasNull() ? null : value;
        }
    }

    /**
     * Revokes a household's phone (a lost phone) and every token it holds, inside the caller's
     * transaction: from now on its requests are answered 401 {@code device-revoked}.
     *
     * @return false when the device had been revoked already (nothing changed)
     */
    public boolean revokeDevice(String deviceId) {
        long now = clock.millis();
        boolean revoked = devices.revoke(deviceId, now) == 1;
        tokens.revokeAllOfDevice(deviceId, now);
        return revoked;
    }

    private Issued issue(@Nullable String userId, @Nullable String deviceId, Duration lifetime) {
        String token = hasher.newToken();
        long now = clock.millis();
        long expiresAt = now + lifetime.toMillis();
        tokens.save(new AuthToken(hasher.hash(token), userId, deviceId, now, expiresAt, null));
        return new Issued(token, expiresAt);
    }

    private Session userSession(AppUser user, @Nullable String token, long expiresAt) {
        String municipalityName = user.municipalityId() == null ? null
                : municipalities.findById(user.municipalityId()).map(Municipality::name).orElse(null);
        return new Session(token, user.role(), user.municipalityId(), municipalityName, user.displayName(),
                null, null, isoOrNull(expiresAt));
    }

    private Session deviceSession(DeviceRepository.DeviceOwner owner, @Nullable String token, long expiresAt) {
        String municipalityName = municipalities.findById(owner.municipalityId()).map(Municipality::name).orElse(null);
        return new Session(token, Role.NEWCOMER, owner.municipalityId(), municipalityName, owner.householdName(),
                owner.householdId(), owner.deviceId(), isoOrNull(expiresAt));
    }

    private static String isoOrNull(long epochMillis) {
        return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis).toString() : null;
    }

    private static ProblemException loginFailed() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "login-failed", "Login failed",
                "Unknown username or wrong password.");
    }

    private record Issued(String token, long expiresAt) {
    }

    /**
     * The answer of {@link #check}.
     *
     * @param authentication the caller, or null when the token is worth nothing
     * @param deviceRevoked  true when the token belongs to a revoked device or a deactivated family friend
     * @param answer         the answer to the request's {@link TokenQuestion}, only with a household's device as caller
     */
    record TokenCheck(@Nullable Authentication authentication, boolean deviceRevoked, @Nullable Object answer) {
        static final TokenCheck NONE = new TokenCheck(null, false, null);
        static final TokenCheck DEVICE_REVOKED = new TokenCheck(null, true, null);

        static TokenCheck of(Authentication authentication) {
            return new TokenCheck(authentication, false, null);
        }
    }
}
