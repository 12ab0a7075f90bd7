package nl.welkom.admin;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.auth.AppUser;
import nl.welkom.household.LanguageList;

/** The JSON of {@code /api/admin/...} and {@code /api/password/set}: records of this package only. */
final class AdminWireFormat {
    private AdminWireFormat() {
    }

    /**
     * A municipality with counts: households, active officers, editors and buddies, deactivated accounts.
     * Counts only; an administrator sees no household.
     */
    @Serdeable
    record MunicipalitySummary(String id, String slug, String name, String createdAt, long households, long officers,
                               long editors, long buddies, long deactivated) {
        static MunicipalitySummary of(StaffOverviewRepository.MunicipalityCounts counts) {
            return new MunicipalitySummary(counts.id(), counts.slug(), counts.name(), iso(counts.createdAt()),
                    counts.households(), counts.officers(), counts.editors(), counts.buddies(), counts.deactivated());
        }
    }

    /** {@code POST /api/admin/municipalities}: a slug (fixed for good) and a name. */
    @Serdeable
    record NewMunicipality(@Nullable String slug, @Nullable String name) {
    }

    /** {@code PATCH /api/admin/municipalities/{id}}: a new name; a slug, if sent, must be the current one. */
    @Serdeable
    record MunicipalityChange(@Nullable String name, @Nullable String slug) {
    }

    /**
     * {@code POST /api/admin/users}. {@code role}: OFFICER, EDITOR, BUDDY or ADMIN; {@code municipalityId}
     * required for every role but ADMIN and refused for ADMIN; {@code languages}: codes of offered languages.
     */
    @Serdeable
    record NewStaffAccount(@Nullable String username, @Nullable String displayName, @Nullable String role,
                           @Nullable String municipalityId, @Nullable List<String> languages) {
    }

    /**
     * A staff account as an administrator sees it; never a password hash.
     *
     * @param signInCodeExpiresAt when the outstanding one-time sign-in code expires; absent when there is none
     */
    @Serdeable
    record StaffAccount(String id, String username, String displayName, String role, @Nullable String municipalityId,
                        List<String> languages, boolean active, String createdAt, @Nullable String deactivatedAt,
                        @Nullable String signInCodeExpiresAt) {
        static StaffAccount of(AppUser user, @Nullable Long codeExpiresAt) {
            return new StaffAccount(user.id(), user.username(), user.displayName(), user.role().name(),
                    user.municipalityId(), LanguageList.parse(user.languages()), user.active(), iso(user.createdAt()),
                    user.deactivatedAt() == null ? null : iso(user.deactivatedAt()),
                    codeExpiresAt == null ? null : iso(codeExpiresAt));
        }
    }

    /**
     * A one-time sign-in code, shown once: the staff member opens {@code link} on this server (or types
     * {@code code} on {@code /password/set}) and chooses a password.
     */
    @Serdeable
    record SignInCode(String code, String link, String expiresAt) {
    }

    /** The answer to creating an account or resetting its password: the account and its new code. */
    @Serdeable
    record AccountWithCode(StaffAccount account, SignInCode signInCode) {
    }

    /** {@code POST /api/password/set}: the one-time code and the chosen password. */
    @Serdeable
    record PasswordChoice(@Nullable String code, @Nullable String password) {
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
