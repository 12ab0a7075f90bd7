package nl.welkom.activation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.AuthProperties;
import nl.welkom.auth.AuthService;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Device;
import nl.welkom.auth.DeviceRepository;
import nl.welkom.auth.SecretHasher;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.Session;
import nl.welkom.problem.ProblemException;

/**
 * Onboarding without e-mail: an officer creates a single-use code for a household, the phone
 * redeems it for a device and a NEWCOMER session. Codes are stored as keyed hashes and expire
 * after {@code welkom.auth.activation-code-ttl} (14 days); an officer may withdraw an unused one.
 */
@Singleton
public class ActivationService {
    static final int MAX_DEVICE_NAME = 80;
    /** Audit action: an officer listed a household's outstanding codes. */
    public static final String CODE_LIST = "activation-code.list";
    /** Audit action: an officer withdrew a code. */
    public static final String CODE_WITHDRAW = "activation-code.withdraw";

    private final ActivationCodeRepository codes;
    private final DeviceRepository devices;
    private final HouseholdScope scope;
    private final AuthService authService;
    private final SecretHasher hasher;
    private final AuditLog audit;
    private final AuthProperties properties;
    private final Clock clock;
    private final AppUserRepository users;
    private final SecureRandom random = new SecureRandom();

    ActivationService(ActivationCodeRepository codes, DeviceRepository devices, HouseholdScope scope,
                      AuthService authService, SecretHasher hasher, AuditLog audit, AuthProperties properties,
                      Clock clock, AppUserRepository users) {
        this.users = users;
        this.codes = codes;
        this.devices = devices;
        this.scope = scope;
        this.authService = authService;
        this.hasher = hasher;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A new code for a household in the officer's scope. The plain code is returned once and not kept.
     *
     * @throws ProblemException 404 when the household is out of scope
     */
    @Transactional
    public ActivationCode create(Caller officer, String householdId) {
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        String code = ActivationCodes.generate(random);
        long now = clock.millis();
        long expiresAt = now + properties.activationCodeTtl().toMillis();
        codes.save(new ActivationCodeEntity(UUID.randomUUID().toString(), hasher.hash(code), household.id(),
                officer.userId(), now, expiresAt, null, null, null, null));
        audit.record(officer, AuditLog.ACTIVATION_CODE_CREATE, household.id());
        return new ActivationCode(ActivationCodes.grouped(code), household.id(), Instant.ofEpochMilli(expiresAt).toString());
    }

    /**
     * Redeems a code: creates the device, spends the code and opens a device session, all or nothing.
     *
     * @throws ProblemException 400 {@code activation-code-invalid}, the same for an unknown, used or expired code
     */
    @Transactional
    public Session redeem(@Nullable String typedCode, @Nullable String deviceName) {
        String name = deviceName == null ? "" : deviceName.trim();
        if (name.isEmpty() || name.length() > MAX_DEVICE_NAME) {
            throw ProblemException.badRequest("deviceName must be 1 to " + MAX_DEVICE_NAME + " characters.");
        }
        long now = clock.millis();
        ActivationCodeEntity code = usable(typedCode, now);
        Device device = devices.save(new Device(UUID.randomUUID().toString(), code.householdId(), name, now, null));
        if (codes.markUsed(code.id(), now, device.id()) != 1) {
            throw invalid();
        }
        Session session = authService.openDeviceSession(device.id());
        audit.record(new Caller(session.role(), null, device.id(), session.municipalityId(), session.householdId()),
                AuditLog.DEVICE_ACTIVATE, code.householdId());
        return session;
    }

    /**
     * Checks a code before it is redeemed, so that a phone can ask for its name only once the code
     * is known to be good; spends nothing and reveals nothing beyond "usable or not" (the same
     * answer for an unknown, used or expired code, as {@link #redeem}).
     *
     * @throws ProblemException 400 {@code activation-code-invalid}
     */
    public void check(@Nullable String typedCode) {
        usable(typedCode, clock.millis());
    }

    /**
     * The household's outstanding codes (unused, not withdrawn, not expired), oldest first, without
     * the codes themselves (only their hashes are stored). Audited.
     *
     * @throws ProblemException 404 when the household is out of the officer's scope
     */
    @Transactional
    public List<OutstandingCode> outstanding(Caller officer, String householdId) {
        HouseholdEntity household = scope.requireVisible(officer, householdId);
        Map<String, String> names = new HashMap<>();
        List<OutstandingCode> list = codes.findOutstanding(household.id(), clock.millis()).stream()
                .map(code -> new OutstandingCode(code.id(), code.householdId(),
                        Instant.ofEpochMilli(code.createdAt()).toString(),
                        Instant.ofEpochMilli(code.expiresAt()).toString(),
                        names.computeIfAbsent(code.createdBy(), id -> users.findById(id)
                                .map(AppUser::displayName).orElse(null))))
                .toList();
        audit.record(officer, CODE_LIST, household.id());
        return list;
    }

    /**
     * Withdraws an unused code (a printout went missing): it can no longer activate a phone.
     * Withdrawing a withdrawn code changes nothing. Audited.
     *
     * @return the household of the code
     * @throws ProblemException 404 when the code does not exist or its household is out of scope;
     *                          409 {@code activation-code-used} when a phone already used it
     */
    @Transactional
    public String withdraw(Caller officer, String codeId) {
        ActivationCodeEntity code = codes.findById(codeId)
                .filter(found -> scope.canSee(officer, found.householdId()))
                .orElseThrow(ProblemException::notFound);
        if (code.usedAt() != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "activation-code-used", "Activation code used",
                    "A phone has used this code already; revoke that phone instead.");
        }
        if (codes.withdraw(code.id(), clock.millis(), officer.userId()) == 1) {
            audit.record(officer, CODE_WITHDRAW, code.householdId());
        }
        return code.householdId();
    }

    /** The code as typed, if it exists, is unused and has not expired; else the one answer for all three. */
    private ActivationCodeEntity usable(@Nullable String typedCode, long now) {
        return ActivationCodes.normalize(typedCode)
                .flatMap(normalized -> codes.findByCodeHash(hasher.hash(normalized)))
                .filter(found -> found.usedAt() == null && found.withdrawnAt() == null && found.expiresAt() > now)
                .orElseThrow(ActivationService::invalid);
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "activation-code-invalid", "Activation code invalid",
                "This code is unknown, already used or expired. Ask your municipality for a new one.");
    }
}
