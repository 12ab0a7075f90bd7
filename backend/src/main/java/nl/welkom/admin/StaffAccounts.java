package nl.welkom.admin;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.admin.AdminWireFormat.AccountWithCode;
import nl.welkom.admin.AdminWireFormat.MunicipalitySummary;
import nl.welkom.admin.AdminWireFormat.NewStaffAccount;
import nl.welkom.admin.AdminWireFormat.SignInCode;
import nl.welkom.admin.AdminWireFormat.StaffAccount;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.AuthService;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.auth.Passwords;
import nl.welkom.auth.SecretHasher;
import nl.welkom.household.LanguageList;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * An administrator's work on municipalities and staff accounts (officers, editors, buddies and other
 * administrators). The rules:
 * <ul>
 *   <li>a municipality's slug is chosen once and never changes; its name may;</li>
 *   <li>a username is an e-mail address, unique, stored in lower case; ADMIN accounts have no
 *       municipality, every other role exactly one;</li>
 *   <li>an administrator never chooses a password: creating an account or resetting its password
 *       makes a one-time sign-in code ({@link SignInCodes}, stored only as an HMAC, valid
 *       {@code welkom.admin.sign-in-code-ttl}, one use) that replaces every earlier code of the
 *       account; a reset also makes the old password unusable and ends every session of the account;</li>
 *   <li>a deactivated account cannot sign in, its sessions end at once and its codes are withdrawn;
 *       what it did (matches, notes, the audit trail) stays;</li>
 *   <li>an administrator cannot deactivate or reset their own account, so there is always an active one.</li>
 * </ul>
 * Every change is audited with ids only ({@link StaffAudit}). Refused input changes nothing.
 */
@Singleton
public class StaffAccounts {
    static final int MAX_NAME = 100;
    static final int MAX_USERNAME = 254;
    static final int MAX_LANGUAGES = 12;
    static final String SET_PASSWORD_PATH = "/password/set";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MIN_SLUG = 2;
    private static final int MAX_SLUG = 40;
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Set<Role> CREATABLE = Set.of(Role.OFFICER, Role.EDITOR, Role.BUDDY, Role.ADMIN);
    private static final int PLACEHOLDER_BYTES = 32;

    private final MunicipalityRepository municipalities;
    private final AppUserRepository users;
    private final PasswordCodeRepository codes;
    private final StaffOverviewRepository overview;
    private final AuthService authService;
    private final SecretHasher hasher;
    private final Passwords passwords;
    private final AuditLog audit;
    private final AdminProperties properties;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffAccounts(MunicipalityRepository municipalities, AppUserRepository users, PasswordCodeRepository codes,
                  StaffOverviewRepository overview, AuthService authService, SecretHasher hasher, Passwords passwords,
                  AuditLog audit, AdminProperties properties, TransactionOperations<Connection> transactions,
                  Clock clock) {
        this.municipalities = municipalities;
        this.users = users;
        this.codes = codes;
        this.overview = overview;
        this.authService = authService;
        this.hasher = hasher;
        this.passwords = passwords;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every municipality by name, with counts. */
    public List<MunicipalitySummary> municipalities() {
        return overview.municipalities().stream().map(MunicipalitySummary::of).toList();
    }

    /** One municipality with counts. @throws ProblemException 404 when there is none */
    public MunicipalitySummary municipality(String id) {
        return municipalities().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(ProblemException::notFound);
    }

    /**
     * A new municipality.
     *
     * @throws InvalidInput 400 for a bad slug or name; 409 {@code slug-taken}
     */
    public MunicipalitySummary createMunicipality(Caller admin, @Nullable String slug, @Nullable String name) {
        String cleanSlug = slug == null ? "" : slug.trim().toLowerCase(Locale.ROOT);
        String cleanName = text(name);
        Map<String, String> errors = new LinkedHashMap<>();
        nameError(cleanName).ifPresent(key -> errors.put("name", key));
        if (cleanSlug.isEmpty()) {
            errors.put("slug", "admin.error.slug.missing");
        } else if (cleanSlug.length() < MIN_SLUG || cleanSlug.length() > MAX_SLUG || !SLUG.matcher(cleanSlug).matches()) {
            errors.put("slug", "admin.error.slug.format");
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        String id = UUID.randomUUID().toString();
        try {
            transactions.executeWrite(status -> {
                if (municipalities.existsBySlug(cleanSlug)) {
                    throw slugTaken();
                }
                municipalities.save(new Municipality(id, cleanSlug, cleanName, clock.millis()));
                audit.recordAbout(admin, StaffAudit.MUNICIPALITY_CREATE, id);
                return null;
            });
        } catch (DataAccessException e) {
            // Two administrators chose the same slug at the same moment: the unique constraint decided.
            if (municipalities.existsBySlug(cleanSlug)) {
                throw slugTaken();
            }
            throw e;
        }
        return municipality(id);
    }

    /**
     * A municipality's new name. The slug never changes: a {@code slug} other than the current one is refused.
     *
     * @throws ProblemException 404 for an unknown municipality
     * @throws InvalidInput     400 for a bad name or an attempt to change the slug
     */
    public MunicipalitySummary renameMunicipality(Caller admin, String id, @Nullable String name, @Nullable String slug) {
        Municipality current = municipalities.findById(id).orElseThrow(ProblemException::notFound);
        if (slug != null && !slug.trim().equalsIgnoreCase(current.slug())) {
            throw InvalidInput.field("slug", "admin.error.slug.immutable");
        }
        String cleanName = text(name);
        nameError(cleanName).ifPresent(key -> {
            throw InvalidInput.field("name", key);
        });
        if (!cleanName.equals(current.name())) {
            transactions.executeWrite(status -> {
                municipalities.update(new Municipality(current.id(), current.slug(), cleanName, current.createdAt()));
                audit.recordAbout(admin, StaffAudit.MUNICIPALITY_RENAME, current.id());
                return null;
            });
        }
        return municipality(id);
    }

    /** The accounts of a municipality, or the administrators when {@code municipalityId} is null; by name. */
    public List<StaffAccount> accounts(@Nullable String municipalityId) {
        List<AppUser> found = municipalityId == null ? users.findByRoleOrderByDisplayName(Role.ADMIN)
                : users.findByMunicipalityIdOrderByDisplayName(municipalityId);
        Map<String, Long> outstanding = outstandingCodes();
        return found.stream().map(user -> StaffAccount.of(user, outstanding.get(user.id()))).toList();
    }

    /** One account. @throws ProblemException 404 when there is none */
    public StaffAccount account(String id) {
        AppUser user = users.findById(id).orElseThrow(ProblemException::notFound);
        return StaffAccount.of(user, outstandingCodes().get(user.id()));
    }

    /** The languages a staff member may list: the codes of the languages Welkom offers, in order. */
    public List<String> offeredLanguages() {
        return overview.languageCodes();
    }

    /**
     * A new account without a password, and its one-time sign-in code (shown once, never stored).
     *
     * @throws InvalidInput 400 for bad fields (an unknown role, an ADMIN with a municipality, another
     *                      role without one, an unknown municipality, a username that is not an
     *                      e-mail address, unknown languages); 409 {@code username-taken}
     */
    public AccountWithCode create(Caller admin, NewStaffAccount command) {
        String username = command.username() == null ? "" : command.username().trim().toLowerCase(Locale.ROOT);
        String displayName = text(command.displayName());
        Map<String, String> errors = new LinkedHashMap<>();
        if (username.isEmpty()) {
            errors.put("username", "admin.error.username.missing");
        } else if (username.length() > MAX_USERNAME || !EMAIL.matcher(username).matches()) {
            errors.put("username", "admin.error.username.format");
        }
        nameError(displayName).ifPresent(key -> errors.put("displayName", key));
        Role role = role(command.role());
        String municipalityId = command.municipalityId() == null || command.municipalityId().isBlank() ? null
                : command.municipalityId().trim();
        if (role == null) {
            errors.put("role", "admin.error.role");
        } else if (role == Role.ADMIN && municipalityId != null) {
            errors.put("municipalityId", "admin.error.municipality.forAdmin");
        } else if (role != Role.ADMIN && municipalityId == null) {
            errors.put("municipalityId", "admin.error.municipality.missing");
        } else if (municipalityId != null && !municipalities.existsById(municipalityId)) {
            errors.put("municipalityId", "admin.error.municipality.unknown");
        }
        List<String> languages = languages(command.languages(), errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (users.existsByUsername(username)) {
            throw usernameTaken();
        }
        // bcrypt outside the write transaction: a hash of a secret nobody knows, until a password is chosen.
        String placeholder = placeholderHash();
        String id = UUID.randomUUID().toString();
        SignInCode code;
        try {
            code = transactions.executeWrite(status -> {
                if (users.existsByUsername(username)) {
                    throw usernameTaken();
                }
                long now = clock.millis();
                users.save(new AppUser(id, username, placeholder, role, municipalityId, displayName,
                        LanguageList.join(languages), now));
                SignInCode issued = issueCode(admin, id, now);
                audit.recordAbout(admin, StaffAudit.ACCOUNT_CREATE, id);
                return issued;
            });
        } catch (DataAccessException e) {
            if (users.existsByUsername(username)) {
                throw usernameTaken();
            }
            throw e;
        }
        return new AccountWithCode(account(id), code);
    }

    /**
     * A one-time sign-in code for an account made for another feature (a volunteer accepted by a
     * coordinator): the account's id, the grouped code, the link that uses it and its expiry (ISO instant).
     */
    public record IssuedCode(String userId, String code, String link, String expiresAt) {
    }

    /**
     * A BUDDY account of {@code municipalityId} for a volunteer an officer (the programme's coordinator)
     * accepted, by the same rules as {@link #create} and with its one-time sign-in code (shown once).
     * Joins the caller's transaction.
     *
     * @throws ProblemException 409 {@code username-taken} when an account with this e-mail exists;
     *                          400 when a field is not acceptable for an account
     */
    public IssuedCode createBuddy(Caller officer, String municipalityId, String username, String displayName,
                                  List<String> languages) {
        try {
            AccountWithCode made = create(officer,
                    new NewStaffAccount(username, displayName, Role.BUDDY.name(), municipalityId, languages));
            return new IssuedCode(made.account().id(), made.signInCode().code(), made.signInCode().link(),
                    made.signInCode().expiresAt());
        } catch (InvalidInput invalid) {
            throw new ProblemException(invalid.status(), invalid.slug(),
                    invalid.status() == HttpStatus.CONFLICT ? "Account exists" : "Bad Request",
                    "No family-friend account can be made for this volunteer: " + String.join(", ",
                            invalid.fields().keySet()) + (invalid.status() == HttpStatus.CONFLICT
                            ? " is in use by another account." : " is not acceptable."));
        }
    }

    /** Deactivates an account for another feature (a volunteer who stopped); see {@link #deactivate}. */
    public void deactivateAccount(Caller caller, String id) {
        deactivate(caller, id);
    }

    /**
     * Deactivates an account: it cannot sign in any more, its tokens (dashboard, API, a buddy's app)
     * are refused from the next request on, its sign-in codes are withdrawn. Deactivating an inactive
     * account changes nothing.
     *
     * @throws ProblemException 404 for an unknown account; 409 {@code own-account} for the caller's own
     */
    public StaffAccount deactivate(Caller admin, String id) {
        AppUser user = users.findById(id).orElseThrow(ProblemException::notFound);
        refuseOwn(admin, user);
        if (user.active()) {
            transactions.executeWrite(status -> {
                long now = clock.millis();
                if (users.deactivate(user.id(), now) == 1) {
                    authService.revokeAllOfUser(user.id());
                    codes.withdrawAllOf(user.id(), now);
                    audit.recordAbout(admin, StaffAudit.ACCOUNT_DEACTIVATE, user.id());
                }
                return null;
            });
        }
        return account(id);
    }

    /**
     * Lets a deactivated account sign in again with its password (sessions ended by the deactivation
     * stay ended). Reactivating an active account changes nothing.
     *
     * @throws ProblemException 404 for an unknown account
     */
    public StaffAccount reactivate(Caller admin, String id) {
        AppUser user = users.findById(id).orElseThrow(ProblemException::notFound);
        if (!user.active()) {
            transactions.executeWrite(status -> {
                if (users.reactivate(user.id()) == 1) {
                    audit.recordAbout(admin, StaffAudit.ACCOUNT_REACTIVATE, user.id());
                }
                return null;
            });
        }
        return account(id);
    }

    /**
     * Resets a password: the old one stops working, every session of the account ends, earlier codes
     * are withdrawn, and a new one-time sign-in code is returned (shown once).
     *
     * @throws ProblemException 404 for an unknown account; 409 {@code own-account} for the caller's own;
     *                          409 {@code account-deactivated} for a deactivated account (reactivate it first)
     */
    public AccountWithCode reset(Caller admin, String id) {
        AppUser user = users.findById(id).orElseThrow(ProblemException::notFound);
        refuseOwn(admin, user);
        if (!user.active()) {
            throw new ProblemException(HttpStatus.CONFLICT, "account-deactivated", "Account deactivated",
                    "This account is deactivated. Reactivate it before resetting its password.");
        }
        String placeholder = placeholderHash();
        SignInCode code = transactions.executeWrite(status -> {
            long now = clock.millis();
            users.updatePasswordHash(user.id(), placeholder);
            authService.revokeAllOfUser(user.id());
            SignInCode issued = issueCode(admin, user.id(), now);
            audit.recordAbout(admin, StaffAudit.PASSWORD_RESET, user.id());
            return issued;
        });
        return new AccountWithCode(account(id), code);
    }

    /** A new code for the account, replacing its earlier ones; inside the caller's transaction. */
    private SignInCode issueCode(Caller admin, String userId, long now) {
        codes.withdrawAllOf(userId, now);
        String code = SignInCodes.generate(random);
        long expiresAt = now + properties.signInCodeTtl().toMillis();
        codes.save(new PasswordCodeEntity(UUID.randomUUID().toString(), hasher.hash(code), userId, admin.userId(), now,
                expiresAt, null, null));
        return new SignInCode(SignInCodes.grouped(code), SET_PASSWORD_PATH + "?code=" + code,
                AdminWireFormat.iso(expiresAt));
    }

    /** Account id → expiry of its usable code. */
    private Map<String, Long> outstandingCodes() {
        Map<String, Long> expiries = new HashMap<>();
        for (PasswordCodeEntity code : codes.findOutstanding(clock.millis())) {
            expiries.merge(code.userId(), code.expiresAt(), Math::max);
        }
        return expiries;
    }

    private String placeholderHash() {
        byte[] secret = new byte[PLACEHOLDER_BYTES];
        random.nextBytes(secret);
        return passwords.hash(Base64.getEncoder().encodeToString(secret));
    }

    private static void refuseOwn(Caller admin, AppUser user) {
        if (user.id().equals(admin.userId())) {
            throw new ProblemException(HttpStatus.CONFLICT, "own-account", "Own account",
                    "Administrators cannot deactivate or reset their own account; ask another administrator.");
        }
    }

    @Nullable
    private static Role role(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            Role role = Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
            return CREATABLE.contains(role) ? role : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<String> languages(@Nullable List<String> requested, Map<String, String> errors) {
        Set<String> chosen = new LinkedHashSet<>();
        if (requested != null) {
            for (String code : requested) {
                if (code != null && !code.isBlank()) {
                    chosen.add(code.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (chosen.isEmpty()) {
            errors.put("languages", "admin.error.languages.missing");
        } else if (chosen.size() > MAX_LANGUAGES || !offeredLanguages().containsAll(chosen)) {
            errors.put("languages", "admin.error.languages.unknown");
        }
        return new ArrayList<>(chosen);
    }

    private static Optional<String> nameError(String name) {
        if (name.isEmpty()) {
            return Optional.of("admin.error.name.missing");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("admin.error.name.long");
        }
        return Optional.empty();
    }

    /** Trimmed, control characters (line breaks, tabs) as spaces. */
    private static String text(@Nullable String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").trim();
    }

    private static InvalidInput usernameTaken() {
        return InvalidInput.taken("username-taken", "username", "admin.error.username.taken");
    }

    private static InvalidInput slugTaken() {
        return InvalidInput.taken("slug-taken", "slug", "admin.error.slug.taken");
    }
}
