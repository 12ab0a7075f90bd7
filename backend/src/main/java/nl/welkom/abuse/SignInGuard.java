package nl.welkom.abuse;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.AuthService;
import nl.welkom.model.auth.Session;
import nl.welkom.problem.ProblemException;

/**
 * Password login and activation-code redemption with throttling, audit and counting (docs/abuse.md).
 * <ul>
 *   <li>Login: at most {@code login-failures-per-account-source} failures for one account from one
 *       address per window, and {@code login-failures-per-source} from one address for all accounts.
 *       Only failures count, and only for the pair: the same account from another address is not
 *       slowed down, so an attacker cannot lock a real user out from elsewhere. A success clears the
 *       pair's count. A throttled attempt is refused before the password is checked.</li>
 *   <li>Activation: at most {@code activation-failures-per-source} refused well-formed codes per
 *       address per window (a malformed code cannot match anything, so it is no guess).</li>
 * </ul>
 * Every failure is written to the audit log: a failed login with the account's id when the username
 * exists, with no id at all otherwise (never the typed username); a refused code with no id.
 */
@Singleton
public class SignInGuard {
    /** Audit action of a failed password login; {@code subject_id} is the account, if it exists. */
    public static final String LOGIN_FAILED = "auth.login-failed";
    /** Audit action of a refused activation code (unknown, used, expired or withdrawn). */
    public static final String ACTIVATION_REFUSED = "activation.refused";

    private static final String LOGIN_FAILED_TYPE = "/login-failed";
    private static final String ACTIVATION_INVALID_TYPE = "/activation-code-invalid";

    private final AuthService auth;
    private final AppUserRepository users;
    private final Throttle throttle;
    private final ClientAddress address;
    private final AuditLog audit;
    private final AbuseCounters counters;
    private final Throttle.Limit pair;
    private final Throttle.Limit source;
    private final Throttle.Limit activation;

    SignInGuard(AuthService auth, AppUserRepository users, Throttle throttle, ClientAddress address, AuditLog audit,
                AbuseCounters counters, AbuseProperties properties) {
        this.auth = auth;
        this.users = users;
        this.throttle = throttle;
        this.address = address;
        this.audit = audit;
        this.counters = counters;
        this.pair = new Throttle.Limit("login-pair", properties.loginFailuresPerAccountSource(), properties.window());
        this.source = new Throttle.Limit("login-source", properties.loginFailuresPerSource(), properties.window());
        this.activation = new Throttle.Limit("activation-source", properties.activationFailuresPerSource(),
                properties.window());
    }

    /**
     * {@link AuthService#login} behind the throttle.
     *
     * @throws Throttled        too many failures for this account from this address, or from this address
     * @throws ProblemException 401 {@code login-failed} as {@link AuthService#login}
     */
    public Session login(HttpRequest<?> request, @Nullable String username, @Nullable String password) {
        String from = address.of(request);
        String account = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String pairKey = account + "\n" + from;
        refuseWhileBlocked(throttle.blocked(pair, pairKey), throttle.blocked(source, from));
        try {
            Session session = auth.login(username, password);
            throttle.forget(pair, pairKey);
            return session;
        } catch (ProblemException e) {
            if (e.problem().type().endsWith(LOGIN_FAILED_TYPE)) {
                throttle.fail(pair, pairKey);
                throttle.fail(source, from);
                counters.failedLogin();
                String accountId = account.isEmpty() ? null
                        : users.findByUsername(account).map(AppUser::id).orElse(null);
                audit.recordRefusal(null, LOGIN_FAILED, null, accountId);
            }
            throw e;
        }
    }

    /**
     * Runs a redemption (or check) of an activation code behind the per-address throttle.
     *
     * @param wellFormed whether the typed code has the format of a code (only those count as guesses)
     * @throws Throttled too many refused codes from this address
     */
    public <T> T activation(HttpRequest<?> request, boolean wellFormed, Supplier<T> redemption) {
        String from = address.of(request);
        refuseWhileBlocked(throttle.blocked(activation, from), OptionalLong.empty());
        try {
            return redemption.get();
        } catch (ProblemException e) {
            if (e.problem().type().endsWith(ACTIVATION_INVALID_TYPE)) {
                counters.refusedActivationCode();
                audit.recordRefusal(null, ACTIVATION_REFUSED, null, null);
                if (wellFormed) {
                    throttle.fail(activation, from);
                }
            }
            throw e;
        }
    }

    /** Forgets every login and activation count (tests). */
    public void clear() {
        throttle.clear(pair.kind());
        throttle.clear(source.kind());
        throttle.clear(activation.kind());
    }

    private void refuseWhileBlocked(OptionalLong first, OptionalLong second) {
        if (first.isPresent() || second.isPresent()) {
            counters.throttled();
            throw new Throttled(Math.max(first.orElse(0), second.orElse(0)));
        }
    }
}
