package nl.welkom.admin;

import java.sql.Connection;
import java.time.Clock;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.AuthService;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Passwords;
import nl.welkom.auth.SecretHasher;
import nl.welkom.model.auth.Session;

/**
 * The staff member's side of a one-time sign-in code: check it, and choose a password with it, which
 * spends the code and opens a session. An unknown, spent, withdrawn or expired code, and the code of
 * a deactivated account, all get the same answer. A refused password spends nothing. Choosing a
 * password ends every earlier session of the account.
 */
@Singleton
public class PasswordSetting {
    static final String INVALID_CODE = "admin.password.error.code";

    private final PasswordCodeRepository codes;
    private final AppUserRepository users;
    private final PasswordRules rules;
    private final Passwords passwords;
    private final SecretHasher hasher;
    private final AuthService authService;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    PasswordSetting(PasswordCodeRepository codes, AppUserRepository users, PasswordRules rules, Passwords passwords,
                    SecretHasher hasher, AuthService authService, AuditLog audit,
                    TransactionOperations<Connection> transactions, Clock clock) {
        this.codes = codes;
        this.users = users;
        this.rules = rules;
        this.passwords = passwords;
        this.hasher = hasher;
        this.authService = authService;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The username a usable code belongs to (shown on the form, for password managers); spends nothing. */
    public Optional<String> usernameFor(@Nullable String typedCode) {
        return usable(typedCode).map(Holder::user).map(AppUser::username);
    }

    /**
     * Sets the password of the code's account, spends the code and opens a session for it.
     *
     * @throws InvalidInput 400 {@code sign-in-code-invalid} (field {@code code}) or a refused password
     *                      (field {@code password}); nothing changes
     */
    public Session choose(@Nullable String typedCode, @Nullable String password) {
        Holder holder = usable(typedCode).orElseThrow(PasswordSetting::invalidCode);
        rules.refusal(password, holder.user().username()).ifPresent(key -> {
            throw InvalidInput.field("password", key);
        });
        String hash = passwords.hash(password);
        return transactions.executeWrite(status -> {
            long now = clock.millis();
            if (codes.markUsed(holder.code().id(), now) != 1) {
                throw invalidCode();
            }
            AppUser user = users.findById(holder.user().id()).filter(AppUser::active)
                    .orElseThrow(PasswordSetting::invalidCode);
            users.updatePasswordHash(user.id(), hash);
            // A new password ends every other session of the account (a stolen token stops working).
            authService.revokeAllOfUser(user.id());
            Session session = authService.openUserSession(user.id());
            audit.recordAbout(new Caller(user.role(), user.id(), null, user.municipalityId(), null),
                    StaffAudit.PASSWORD_SET, user.id());
            return session;
        });
    }

    private Optional<Holder> usable(@Nullable String typedCode) {
        long now = clock.millis();
        return SignInCodes.normalize(typedCode)
                .flatMap(code -> codes.findByCodeHash(hasher.hash(code)))
                .filter(code -> code.usableAt(now))
                .flatMap(code -> users.findById(code.userId()).filter(AppUser::active).map(user -> new Holder(code, user)));
    }

    private static InvalidInput invalidCode() {
        return InvalidInput.withSlug(HttpStatus.BAD_REQUEST, "sign-in-code-invalid", "code", INVALID_CODE);
    }

    private record Holder(PasswordCodeEntity code, AppUser user) {
    }
}
