package nl.welkom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.admin.AdminWireFormat.AccountWithCode;
import nl.welkom.admin.AdminWireFormat.MunicipalitySummary;
import nl.welkom.admin.AdminWireFormat.StaffAccount;
import nl.welkom.model.Problem;
import nl.welkom.model.auth.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The administrator's API through the real server: municipalities, accounts, codes, deactivation, audit. */
class AdminApiTest {
    private static final String CODE_PATTERN = "[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){6}";

    private static final TestServer SERVER = TestServer.get();
    private static final Api API = new Api(SERVER);
    private static String admin;
    private static StaffApi staff;

    @BeforeAll
    static void signIn() {
        admin = API.login(Fixtures.ADMIN);
        staff = new StaffApi(API, admin);
    }

    @Test
    void theAdministratorSeesEveryMunicipalityWithCountsButNoHousehold() {
        Api.Response response = API.get("/api/admin/municipalities", admin);

        assertEquals(200, response.status(), response.body());
        List<MunicipalitySummary> municipalities = response.asListOf(MunicipalitySummary.class);
        MunicipalitySummary testdorp = municipalities.stream().filter(m -> m.slug().equals("testdorp")).findFirst()
                .orElseThrow();
        assertTrue(municipalities.stream().anyMatch(m -> m.slug().equals("anderstad")));
        assertEquals(SERVER.queryLong("SELECT COUNT(*) FROM household h JOIN municipality m ON m.id = h.municipality_id"
                + " WHERE m.slug = 'testdorp'"), testdorp.households());
        assertTrue(testdorp.officers() >= 1 && testdorp.editors() >= 1 && testdorp.buddies() >= 1, response.body());
        assertFalse(response.body().contains("Family Scope"), "no household's name");
        assertFalse(response.body().contains("T-SCOPE"), "no household's reference");
    }

    @Test
    void aMunicipalityIsCreatedAndRenamedButItsSlugNeverChanges() {
        String slug = StaffApi.unique("nieuwdorp");
        Api.Response created = API.post("/api/admin/municipalities", admin, Map.of("slug", slug, "name", "Gemeente Nieuwdorp"));
        assertEquals(201, created.status(), created.body());
        MunicipalitySummary municipality = created.as(MunicipalitySummary.class);
        assertEquals(0, municipality.households());

        Api.Response renamed = API.patch("/api/admin/municipalities/" + municipality.id(), admin,
                Map.of("name", "Gemeente Nieuwdorp-Oost"));
        Api.Response slugChange = API.patch("/api/admin/municipalities/" + municipality.id(), admin,
                Map.of("name", "Gemeente Anders", "slug", "anders"));
        Api.Response unknown = API.patch("/api/admin/municipalities/no-such-id", admin, Map.of("name", "X"));

        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Gemeente Nieuwdorp-Oost", renamed.as(MunicipalitySummary.class).name());
        assertEquals(slug, renamed.as(MunicipalitySummary.class).slug());
        assertTrue(slugChange.problem(400).detail().contains("slug"), slugChange.body());
        unknown.problem(404);
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM municipality WHERE slug = ? AND name = ?", slug,
                "Gemeente Nieuwdorp-Oost"), "the refused change changed nothing");
    }

    @Test
    void aBadOrTakenMunicipalityIsRefusedAndNothingIsStored() {
        long before = SERVER.queryLong("SELECT COUNT(*) FROM municipality");

        Problem taken = API.post("/api/admin/municipalities", admin, Map.of("slug", "testdorp", "name", "Nog een"))
                .problem(409);
        Problem badSlug = API.post("/api/admin/municipalities", admin, Map.of("slug", "Zwolle Centrum!", "name", "Z"))
                .problem(400);
        Problem noName = API.post("/api/admin/municipalities", admin, Map.of("slug", StaffApi.unique("leeg"), "name", " "))
                .problem(400);
        Problem notJson = API.post("/api/admin/municipalities", admin, "{").problem(400);

        assertTrue(taken.type().endsWith("/slug-taken"), taken.type());
        assertTrue(badSlug.detail().startsWith("slug: "), badSlug.detail());
        assertTrue(noName.detail().contains("name: Fill in a name."), noName.detail());
        assertNotEquals(null, notJson.detail());
        assertEquals(before, SERVER.queryLong("SELECT COUNT(*) FROM municipality"));
    }

    @Test
    void creatingAnAccountAnswersAOneTimeSignInCodeThatIsStoredOnlyAsAHash() {
        MunicipalitySummary municipality = staff.municipality();

        AccountWithCode created = staff.account("OFFICER", municipality.id());

        StaffAccount account = created.account();
        assertEquals("OFFICER", account.role());
        assertEquals(municipality.id(), account.municipalityId());
        assertEquals(List.of("nl", "en"), account.languages());
        assertTrue(account.active());
        assertEquals(created.signInCode().expiresAt(), account.signInCodeExpiresAt());
        String code = created.signInCode().code();
        assertTrue(code.matches(CODE_PATTERN), code);
        assertEquals("/password/set?code=" + code.replace("-", ""), created.signInCode().link());
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM password_code WHERE user_id = ?", account.id()));
        assertEquals(0, SERVER.queryLong("SELECT COUNT(*) FROM password_code WHERE code_hash LIKE ?",
                "%" + code.replace("-", "") + "%"), "the code itself is not stored");
        assertFalse(API.get("/api/admin/users/" + account.id(), admin).body().contains(code.substring(0, 9)),
                "the code is never shown again");
        // The new account has no password anyone knows: no password signs in before one is chosen.
        staff.login(account.username(), StaffApi.STRONG_PASSWORD).problem(401);
    }

    @Test
    void badAccountInputIsRefusedWithAClearProblemAndNothingIsStored() {
        MunicipalitySummary municipality = staff.municipality();
        AccountWithCode existing = staff.account("EDITOR", municipality.id());
        long users = SERVER.queryLong("SELECT COUNT(*) FROM app_user");

        Problem duplicate = API.post("/api/admin/users", admin, account(existing.account().username().toUpperCase(),
                "BUDDY", municipality.id())).problem(409);
        Problem unknownRole = API.post("/api/admin/users", admin, account(fresh(), "MAYOR", municipality.id())).problem(400);
        Problem newcomer = API.post("/api/admin/users", admin, account(fresh(), "NEWCOMER", municipality.id())).problem(400);
        Problem adminWithMunicipality = API.post("/api/admin/users", admin, account(fresh(), "ADMIN", municipality.id()))
                .problem(400);
        Problem editorWithout = API.post("/api/admin/users", admin, account(fresh(), "EDITOR", null)).problem(400);
        Problem unknownMunicipality = API.post("/api/admin/users", admin, account(fresh(), "OFFICER", "nowhere"))
                .problem(400);
        Problem notAnEmail = API.post("/api/admin/users", admin, account("sanne de vries", "OFFICER", municipality.id()))
                .problem(400);
        Map<String, Object> klingon = account(fresh(), "OFFICER", municipality.id());
        klingon.put("languages", List.of("tlh"));
        Problem unknownLanguage = API.post("/api/admin/users", admin, klingon).problem(400);

        assertTrue(duplicate.type().endsWith("/username-taken"), duplicate.type());
        assertTrue(unknownRole.detail().startsWith("role: Choose a role"), unknownRole.detail());
        assertTrue(newcomer.detail().startsWith("role: "), newcomer.detail());
        assertEquals("municipalityId: An administrator belongs to no municipality.", adminWithMunicipality.detail());
        assertEquals("municipalityId: Choose the municipality the staff member belongs to.", editorWithout.detail());
        assertEquals("municipalityId: This municipality does not exist.", unknownMunicipality.detail());
        assertTrue(notAnEmail.detail().startsWith("username: Fill in a valid e-mail address"), notAnEmail.detail());
        assertTrue(unknownLanguage.detail().startsWith("languages: "), unknownLanguage.detail());
        assertEquals(users, SERVER.queryLong("SELECT COUNT(*) FROM app_user"), "no account was stored");
    }

    @Test
    void anAdministratorAccountHasNoMunicipality() {
        AccountWithCode created = staff.account("ADMIN", null);

        assertEquals("ADMIN", created.account().role());
        assertNull(created.account().municipalityId());
        assertTrue(API.get("/api/admin/users", admin).asListOf(StaffAccount.class).stream()
                .anyMatch(account -> account.id().equals(created.account().id())), "listed among the administrators");
    }

    @Test
    void theSignInCodeSetsAPasswordOnceAndSignsTheStaffMemberIn() {
        AccountWithCode created = staff.account("OFFICER", staff.municipality().id());
        String code = created.signInCode().code();

        Session session = staff.setPassword(code.toLowerCase().replace("-", " "));
        Api.Response again = API.post("/api/password/set", null, Map.of("code", code, "password", "another long passphrase"));

        assertEquals("OFFICER", session.role().name());
        assertEquals(200, API.get("/api/me", session.token()).status());
        Problem spent = again.problem(400);
        assertTrue(spent.type().endsWith("/sign-in-code-invalid"), spent.type());
        assertEquals(200, staff.login(created.account().username(), StaffApi.STRONG_PASSWORD).status(),
                "the chosen password signs in");
        staff.login(created.account().username(), "another long passphrase").problem(401);
        assertNull(API.get("/api/admin/users/" + created.account().id(), admin).as(StaffAccount.class)
                .signInCodeExpiresAt(), "no code is outstanding any more");
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'staff.password-set'"
                + " AND actor_user_id = ? AND subject_id = ?", created.account().id(), created.account().id()));
    }

    @Test
    void anUnknownOrMalformedCodeGetsTheSameAnswerAsASpentOne() {
        Problem unknown = API.post("/api/password/set", null,
                Map.of("code", "2222-2222-2222-2222-2222-2222-2222", "password", StaffApi.STRONG_PASSWORD)).problem(400);
        Problem malformed = API.post("/api/password/set", null, Map.of("code", "abc", "password", StaffApi.STRONG_PASSWORD))
                .problem(400);
        Problem missing = API.post("/api/password/set", null, Map.of("password", StaffApi.STRONG_PASSWORD)).problem(400);

        assertEquals(unknown, malformed);
        assertEquals(unknown, missing);
        assertEquals("code: This code is unknown, already used or expired. Ask your administrator for a new one.",
                unknown.detail());
    }

    @Test
    void shortCommonAndUsernamePasswordsAreRefusedAndTheCodeStaysUsable() {
        AccountWithCode created = staff.account("BUDDY", staff.municipality().id());
        String code = created.signInCode().code();
        String username = created.account().username();

        Problem tooShort = choose(code, "Kort-1234!").problem(400);
        Problem common = choose(code, "Password1234").problem(400);
        Problem dutchCommon = choose(code, "WACHTWOORD123").problem(400);
        Problem repeated = choose(code, "aaaaaaaaaaaaaaaa").problem(400);
        Problem sameAsUsername = choose(code, username.toUpperCase()).problem(400);
        Problem empty = choose(code, "").problem(400);

        assertEquals("password: A password is at least 12 characters long.", tooShort.detail());
        assertEquals("password: This password is used a lot and easy to guess. Choose another one.", common.detail());
        assertEquals(common, dutchCommon);
        assertEquals(common, repeated);
        assertEquals("password: Choose a password that is not your username.", sameAsUsername.detail());
        assertEquals("password: Fill in a password.", empty.detail());
        assertEquals(200, choose(code, "Zwolse kade bij de IJssel").status(), "the refusals did not spend the code");
    }

    @Test
    void aResetEndsTheOldPasswordEverySessionAndTheEarlierCode() {
        AccountWithCode created = staff.account("OFFICER", staff.municipality().id());
        String username = created.account().username();
        Session first = staff.setPassword(created.signInCode().code());
        String second = staff.login(username, StaffApi.STRONG_PASSWORD).as(Session.class).token();

        Api.Response reset = staff.post("/api/admin/users/" + created.account().id() + "/reset");
        assertEquals(200, reset.status(), reset.body());
        AccountWithCode newCode = reset.as(AccountWithCode.class);
        Api.Response resetAgain = staff.post("/api/admin/users/" + created.account().id() + "/reset");

        API.get("/api/me", first.token()).problem(401);
        API.get("/api/me", second).problem(401);
        staff.login(username, StaffApi.STRONG_PASSWORD).problem(401);
        assertTrue(newCode.signInCode().code().matches(CODE_PATTERN));
        choose(newCode.signInCode().code(), "een heel ander wachtwoord").problem(400);
        String latest = resetAgain.as(AccountWithCode.class).signInCode().code();
        assertEquals(200, choose(latest, "een heel ander wachtwoord").status(), "only the latest code works");
        assertEquals(200, staff.login(username, "een heel ander wachtwoord").status());
    }

    @Test
    void aDeactivatedAccountCannotSignInAndItsTokensStopWorkingAtOnce() {
        MunicipalitySummary municipality = staff.municipality();
        AccountWithCode created = staff.account("OFFICER", municipality.id());
        String username = created.account().username();
        String dashboardToken = staff.setPassword(created.signInCode().code()).token();
        String apiToken = staff.login(username, StaffApi.STRONG_PASSWORD).as(Session.class).token();
        assertEquals(200, API.get("/dashboard", null, "Cookie", "WELKOM_SESSION=" + dashboardToken).status());

        Api.Response deactivated = staff.post("/api/admin/users/" + created.account().id() + "/deactivate");

        assertEquals(200, deactivated.status(), deactivated.body());
        StaffAccount account = deactivated.as(StaffAccount.class);
        assertFalse(account.active());
        assertTrue(account.deactivatedAt() != null);
        API.get("/api/me", apiToken).problem(401);
        assertTrue(API.get("/api/households", apiToken).problem(401).type().endsWith("/unauthorized"),
                "an officer signs in again; nothing to wipe");
        Api.Response page = API.get("/dashboard", null, "Cookie", "WELKOM_SESSION=" + dashboardToken);
        assertEquals(303, page.status());
        assertEquals("/login", page.header("Location"));
        Problem refused = staff.login(username, StaffApi.STRONG_PASSWORD).problem(401);
        Problem wrongPassword = staff.login(Fixtures.OFFICER, "not-the-password").problem(401);
        assertEquals(wrongPassword, refused, "the same answer as a wrong password: no hint");
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM app_user WHERE id = ? AND active = FALSE"
                + " AND deactivated_at IS NOT NULL", account.id()));

        Api.Response reactivated = staff.post("/api/admin/users/" + account.id() + "/reactivate");
        assertEquals(200, reactivated.status(), reactivated.body());
        assertTrue(reactivated.as(StaffAccount.class).active());
        assertEquals(200, staff.login(username, StaffApi.STRONG_PASSWORD).status(), "the own password works again");
        API.get("/api/me", apiToken).problem(401);
    }

    @Test
    void aDeactivatedBuddyIsSignedOutOfTheAppButKeepsTheMatches() {
        String officer = API.login(Fixtures.OFFICER);
        String testdorp = API.get("/api/me", officer).as(Session.class).municipalityId();
        AccountWithCode created = staff.account("BUDDY", testdorp);
        Session app = staff.setPassword(created.signInCode().code());
        String household = Fixtures.householdId(API, officer, "T-UNMATCHED");
        String match = Fixtures.match(API, officer, household, created.account().id());
        assertEquals(200, API.get("/api/sync/pull", app.token()).status());

        staff.post("/api/admin/users/" + created.account().id() + "/deactivate");

        Problem signedOut = API.get("/api/sync/pull", app.token()).problem(401);
        assertTrue(signedOut.type().endsWith("/device-revoked"), "the app forgets the families: " + signedOut.type());
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM buddy_match WHERE id = ? AND ended_at IS NULL", match),
                "the match is not deleted or ended");
        Fixtures.endMatch(API, officer, match);

        // Nor can the officer match the deactivated family friend again: not offered, and refused.
        assertFalse(API.get("/api/buddies", officer).body().contains(created.account().id()));
        Problem refused = API.post("/api/households/" + household + "/buddy-matches", officer,
                "{\"buddyUserId\":\"" + created.account().id() + "\"}").problem(400);
        assertTrue(refused.detail().contains("family friend"), refused.detail());
        assertEquals(0, SERVER.queryLong("SELECT COUNT(*) FROM buddy_match WHERE household_id = ? AND ended_at IS NULL",
                household));
    }

    @Test
    void deactivatingWithdrawsAnOutstandingCodeAndADeactivatedAccountIsNotReset() {
        AccountWithCode created = staff.account("EDITOR", staff.municipality().id());
        String id = created.account().id();

        staff.post("/api/admin/users/" + id + "/deactivate");
        Problem withdrawn = choose(created.signInCode().code(), StaffApi.STRONG_PASSWORD).problem(400);
        Problem reset = staff.post("/api/admin/users/" + id + "/reset").problem(409);
        Api.Response again = staff.post("/api/admin/users/" + id + "/deactivate");
        staff.post("/api/admin/users/" + id + "/reactivate");

        assertTrue(withdrawn.type().endsWith("/sign-in-code-invalid"));
        assertTrue(reset.type().endsWith("/account-deactivated"), reset.type());
        assertEquals(200, again.status(), "deactivating twice changes nothing and is no error");
        choose(created.signInCode().code(), StaffApi.STRONG_PASSWORD).problem(400);
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'staff.deactivate'"
                + " AND subject_id = ?", id), "the second deactivation was no change");
    }

    @Test
    void anAdministratorCannotDeactivateOrResetTheirOwnAccount() {
        String ownId = SERVER.context().getBean(nl.welkom.auth.AppUserRepository.class).findByUsername(Fixtures.ADMIN)
                .orElseThrow().id();

        Problem deactivate = staff.post("/api/admin/users/" + ownId + "/deactivate").problem(409);
        Problem reset = staff.post("/api/admin/users/" + ownId + "/reset").problem(409);

        assertTrue(deactivate.type().endsWith("/own-account"));
        assertTrue(reset.type().endsWith("/own-account"));
        assertEquals(200, API.get("/api/me", admin).status());
    }

    @Test
    void unknownAccountsAreNotFound() {
        staff.post("/api/admin/users/no-such-user/deactivate").problem(404);
        staff.post("/api/admin/users/no-such-user/reactivate").problem(404);
        staff.post("/api/admin/users/no-such-user/reset").problem(404);
        API.get("/api/admin/users/no-such-user", admin).problem(404);
        API.get("/api/admin/users?municipalityId=no-such-municipality", admin).problem(404);
    }

    @Test
    void theAdministratorsActionsAreAuditedWithIdsOnly() {
        String adminId = SERVER.context().getBean(nl.welkom.auth.AppUserRepository.class).findByUsername(Fixtures.ADMIN)
                .orElseThrow().id();
        MunicipalitySummary municipality = staff.municipality();
        AccountWithCode created = staff.account("OFFICER", municipality.id());
        String id = created.account().id();

        staff.post("/api/admin/users/" + id + "/reset");
        staff.post("/api/admin/users/" + id + "/deactivate");
        staff.post("/api/admin/users/" + id + "/reactivate");

        for (String action : List.of("staff.create", "staff.password-reset", "staff.deactivate", "staff.reactivate")) {
            assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ?"
                    + " AND actor_user_id = ? AND role = 'ADMIN' AND household_id IS NULL", action, id, adminId), action);
        }
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM audit_event WHERE action = 'municipality.create'"
                + " AND subject_id = ?", municipality.id()));
    }

    @Test
    void administratorsSeeNoHouseholdDataAnywhere() {
        String officer = API.login(Fixtures.OFFICER);
        String household = Fixtures.householdId(API, officer, "T-SCOPE");

        API.get("/api/households", admin).problem(403);
        API.get("/api/households/" + household, admin).problem(403);
        API.get("/api/households/" + household + "/tasks", admin).problem(403);
        API.get("/api/households/" + household + "/devices", admin).problem(403);
        API.get("/api/conflicts", admin).problem(403);
        API.get("/api/sync/pull", admin).problem(403);
        assertEquals(403, API.get("/dashboard/households/" + household, null, "Cookie", "WELKOM_SESSION=" + admin).status());
    }

    private static Api.Response choose(String code, String password) {
        return API.post("/api/password/set", null, Map.of("code", code, "password", password));
    }

    private static String fresh() {
        return StaffApi.unique("new") + "@staff.test";
    }

    private static Map<String, Object> account(String username, String role, String municipalityId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Nieuwe Medewerker");
        body.put("role", role);
        body.put("languages", List.of("nl"));
        if (municipalityId != null) {
            body.put("municipalityId", municipalityId);
        }
        return body;
    }
}
