package nl.welkom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.admin.AdminWireFormat.AccountWithCode;
import nl.welkom.admin.AdminWireFormat.MunicipalitySummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administration pages and the set-password page over plain HTTP: Dutch by default, English on
 * request, post-redirect-get, a code shown once, forms that come back with their values and a
 * message at each field, and the 403 page for everyone but administrators.
 */
class AdminPagesTest {
    private static final Pattern CODE = Pattern.compile("id=\"sign-in-code\">([A-Z0-9-]+)<");
    private static final Pattern CODE_PAGE = Pattern.compile("/dashboard/admin/users/([0-9a-f-]{36})/code\\?ticket=[A-Za-z0-9_-]+");

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
    void theAdministratorsHomeListsTheMunicipalitiesInDutchByDefaultAndInEnglishOnRequest() {
        Api.Response dutch = page("/dashboard/admin", admin);
        Api.Response english = API.get("/dashboard/admin", null, "Cookie", "WELKOM_SESSION=" + admin,
                "Accept-Language", "en-GB,en;q=0.9");

        assertEquals(200, dutch.status(), dutch.body());
        assertTrue(dutch.header("Content-Type").startsWith("text/html"));
        assertTrue(dutch.body().contains("<title>Beheer — Welkom</title>"), dutch.body());
        assertTrue(dutch.body().contains("Gemeente Testdorp") && dutch.body().contains("Gemeente Anderstad"));
        assertTrue(dutch.body().contains("Nieuwe gemeente") && dutch.body().contains("Beheerders"));
        assertFalse(dutch.body().contains("??"), "every word is in the bundle");
        assertFalse(dutch.body().contains("Family Scope"), "no household data");
        assertTrue(english.body().contains("<title>Administration — Welkom</title>"), english.body());
        assertTrue(english.body().contains("New municipality"));
        assertTrue(english.body().contains("The municipality’s name"), "an apostrophe survives the bundle");
        assertFalse(english.body().contains("??"));
    }

    @Test
    void everyoneButAnAdministratorGetsTheForbiddenPageAndAnonymousVisitorsTheSignIn() {
        MunicipalitySummary municipality = staff.municipality();
        String device = Fixtures.device(API, "T-SCOPE").token();
        for (String username : new String[] {Fixtures.OFFICER, Fixtures.EDITOR, Fixtures.BUDDY}) {
            String token = API.login(username);
            assertEquals(403, page("/dashboard/admin", token).status(), username);
            assertEquals(403, page("/dashboard/admin/municipalities/" + municipality.id(), token).status(), username);
            assertEquals(403, form("/dashboard/admin/municipalities/" + municipality.id() + "/name", token,
                    Map.of("name", "Overgenomen")).status(), username);
        }
        assertEquals(403, page("/dashboard/admin", device).status());
        Api.Response anonymous = page("/dashboard/admin", null);
        assertEquals(303, anonymous.status());
        assertEquals("/login", anonymous.header("Location"));
        assertEquals(303, form("/dashboard/admin/municipalities", null, Map.of("slug", "stil", "name", "Stil")).status());
        assertEquals(0, SERVER.queryLong("SELECT COUNT(*) FROM municipality WHERE name = 'Overgenomen' OR slug = 'stil'"));
    }

    @Test
    void aMunicipalityFormWithMistakesComesBackWithItsValuesAndAMessageAtEachField() {
        long before = SERVER.queryLong("SELECT COUNT(*) FROM municipality");

        Api.Response response = form("/dashboard/admin/municipalities", admin, Map.of("slug", "Zwolle Centrum!", "name", ""));
        Api.Response taken = form("/dashboard/admin/municipalities", admin, Map.of("slug", "testdorp", "name", "Dubbel"));

        assertEquals(400, response.status());
        String html = response.body();
        assertTrue(html.contains("value=\"Zwolle Centrum!\""), "the value is kept");
        assertTrue(html.contains("id=\"municipality-slug-error\""));
        assertTrue(html.contains("aria-describedby=\"municipality-slug-hint municipality-slug-error\""));
        assertTrue(html.contains("Vul een naam in."));
        assertTrue(html.contains("href=\"#municipality-name\""), "the summary links to the field");
        assertEquals(2, count(html, "aria-invalid=\"true\""));
        assertEquals(409, taken.status());
        assertTrue(taken.body().contains("Deze code is al in gebruik bij een andere gemeente."));
        assertEquals(before, SERVER.queryLong("SELECT COUNT(*) FROM municipality"));
    }

    @Test
    void aMunicipalityIsAddedAndRenamedWithPostRedirectGet() {
        String slug = StaffApi.unique("hof");
        Api.Response created = form("/dashboard/admin/municipalities", admin, Map.of("slug", slug, "name", "Gemeente Hof"));
        assertEquals(303, created.status(), created.body());
        String location = created.header("Location");
        assertTrue(location.matches("/dashboard/admin/municipalities/[0-9a-f-]{36}\\?done=created"), location);
        String path = location.substring(0, location.indexOf('?'));

        Api.Response badName = form(path + "/name", admin, Map.of("name", " "));
        Api.Response renamed = form(path + "/name", admin, Map.of("name", "Gemeente Hof aan Zee"));
        Api.Response shown = page(renamed.header("Location"), admin);

        assertEquals(400, badName.status());
        assertTrue(badName.body().contains("id=\"rename-name-error\""));
        assertEquals(303, renamed.status());
        assertTrue(shown.body().contains("De naam is gewijzigd."));
        assertTrue(shown.body().contains("<h1>Gemeente Hof aan Zee</h1>"), shown.body());
        assertTrue(shown.body().contains(slug));
        assertFalse(shown.body().contains("name=\"slug\""), "the slug cannot be edited");
    }

    @Test
    void aNewAccountLeadsToItsSignInCodeWhichIsShownOnlyOnce() {
        MunicipalitySummary municipality = staff.municipality();
        String username = StaffApi.unique("noor") + "@staff.test";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("municipalityId", municipality.id());
        fields.put("username", username);
        fields.put("displayName", "Noor Bakker");
        fields.put("role", "OFFICER");
        fields.put("lang.nl", "on");
        fields.put("lang.ar", "on");

        Api.Response created = form("/dashboard/admin/users", admin, fields);
        assertEquals(303, created.status(), created.body());
        Matcher location = CODE_PAGE.matcher(created.header("Location"));
        assertTrue(location.matches(), created.header("Location"));
        Api.Response shown = page(created.header("Location"), admin);
        Api.Response reloaded = page(created.header("Location"), admin);

        assertEquals(200, shown.status());
        Matcher code = CODE.matcher(shown.body());
        assertTrue(code.find(), shown.body());
        assertTrue(shown.body().contains("/password/set?code=" + code.group(1).replace("-", "")));
        assertTrue(shown.body().contains("Aanmeldcode voor Noor Bakker"));
        assertEquals(200, reloaded.status());
        assertFalse(CODE.matcher(reloaded.body()).find(), "a reload shows no code");
        assertTrue(reloaded.body().contains("Deze code is al getoond"));
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM password_code WHERE user_id = ?", location.group(1)),
                "a reload made no second code");
        Api.Response list = page("/dashboard/admin/municipalities/" + municipality.id(), admin);
        assertTrue(list.body().contains("Noor Bakker") && list.body().contains(username));
        assertTrue(list.body().contains("Nederlands, Arabisch"), "languages in Dutch");
        assertTrue(list.body().contains("Aanmeldcode geldig tot"));
    }

    @Test
    void anAccountFormWithMistakesKeepsItsValuesAndStoresNothing() {
        MunicipalitySummary municipality = staff.municipality();
        long users = SERVER.queryLong("SELECT COUNT(*) FROM app_user");

        Api.Response response = form("/dashboard/admin/users", admin, Map.of("municipalityId", municipality.id(),
                "username", "geen-adres", "displayName", "Piet Jansen", "lang.en", "on"));
        Api.Response duplicate = form("/dashboard/admin/users", admin, Map.of("municipalityId", municipality.id(),
                "username", Fixtures.OFFICER, "displayName", "Dubbel", "role", "BUDDY", "lang.nl", "on"));
        Api.Response tampered = form("/dashboard/admin/users", admin, Map.of("municipalityId", municipality.id(),
                "username", StaffApi.unique("x") + "@staff.test", "displayName", "X", "role", "ADMIN", "lang.nl", "on"));

        assertEquals(400, response.status());
        String html = response.body();
        assertTrue(html.contains("value=\"geen-adres\"") && html.contains("value=\"Piet Jansen\""));
        assertTrue(html.contains("Vul een geldig e-mailadres in"));
        assertTrue(html.contains("id=\"account-role-error\""), "no role chosen");
        assertTrue(html.contains("name=\"lang.en\" value=\"on\" checked"), "the ticked language stays ticked");
        assertEquals(409, duplicate.status());
        assertTrue(duplicate.body().contains("Er is al een account met dit e-mailadres."));
        assertEquals(400, tampered.status(), "an administrator is not made on a municipality's page");
        assertEquals(users, SERVER.queryLong("SELECT COUNT(*) FROM app_user"));
    }

    @Test
    void deactivatingAsksFirstThenEndsTheSessionsAndReactivatingUndoesIt() {
        MunicipalitySummary municipality = staff.municipality();
        AccountWithCode account = staff.account("EDITOR", municipality.id());
        String id = account.account().id();
        String token = staff.setPassword(account.signInCode().code()).token();

        Api.Response confirm = page("/dashboard/admin/users/" + id + "/deactivate", admin);
        assertEquals(200, confirm.status());
        assertTrue(confirm.body().contains("Het account van Test EDITOR deactiveren?"), confirm.body());
        assertEquals(0, SERVER.queryLong("SELECT COUNT(*) FROM app_user WHERE id = ? AND active = FALSE", id),
                "opening the question changes nothing");

        Api.Response deactivated = form("/dashboard/admin/users/" + id + "/deactivate", admin, Map.of());
        Api.Response list = page(deactivated.header("Location"), admin);

        assertEquals(303, deactivated.status());
        assertEquals("/dashboard/admin/municipalities/" + municipality.id() + "?done=deactivated#account-" + id,
                deactivated.header("Location"));
        assertTrue(list.body().contains("Het account is gedeactiveerd."));
        assertTrue(list.body().contains("Gedeactiveerd op"));
        assertEquals(303, page("/dashboard/content", token).status(), "the editor's session ended: back to sign-in");

        Api.Response reactivated = form("/dashboard/admin/users/" + id + "/reactivate", admin, Map.of());
        assertEquals(303, reactivated.status());
        assertTrue(page(reactivated.header("Location"), admin).body().contains("Het account is weer actief."));
    }

    @Test
    void aResetIsConfirmedAndShowsANewCode() {
        AccountWithCode account = staff.account("BUDDY", staff.municipality().id());
        String id = account.account().id();

        Api.Response confirm = page("/dashboard/admin/users/" + id + "/reset", admin);
        Api.Response reset = form("/dashboard/admin/users/" + id + "/reset", admin, Map.of());

        assertTrue(confirm.body().contains("Test BUDDY een nieuw wachtwoord laten kiezen?"), confirm.body());
        assertEquals(303, reset.status());
        assertTrue(CODE_PAGE.matcher(reset.header("Location")).matches());
        assertTrue(CODE.matcher(page(reset.header("Location"), admin).body()).find());
        assertEquals(2, SERVER.queryLong("SELECT COUNT(*) FROM password_code WHERE user_id = ?", id));
        assertEquals(1, SERVER.queryLong("SELECT COUNT(*) FROM password_code WHERE user_id = ? AND withdrawn_at IS NULL", id));
    }

    @Test
    void anotherAdministratorCannotPickUpTheCode() {
        AccountWithCode other = staff.account("ADMIN", null);
        String otherToken = staff.setPassword(other.signInCode().code()).token();
        AccountWithCode account = staff.account("OFFICER", staff.municipality().id());
        Api.Response reset = form("/dashboard/admin/users/" + account.account().id() + "/reset", admin, Map.of());

        Api.Response stolen = page(reset.header("Location"), otherToken);

        assertEquals(200, stolen.status());
        assertFalse(CODE.matcher(stolen.body()).find(), "the code is for the administrator who made it");
        assertTrue(CODE.matcher(page(reset.header("Location"), admin).body()).find());
    }

    @Test
    void theStaffMemberChoosesAPasswordOnThePageAndIsSignedIn() {
        AccountWithCode account = staff.account("OFFICER", staff.municipality().id());
        String code = account.signInCode().code();

        Api.Response link = page(account.signInCode().link(), null);
        Api.Response mismatch = form("/password/set", null, Map.of("code", code, "password", "een lange zin als wachtwoord",
                "repeat", "een andere zin als wachtwoord"));
        Api.Response weak = form("/password/set", null, Map.of("code", code, "password", "kort", "repeat", "kort"));
        Api.Response done = form("/password/set", null, Map.of("code", code, "password", "een lange zin als wachtwoord",
                "repeat", "een lange zin als wachtwoord"));

        assertEquals(200, link.status());
        assertTrue(link.body().contains("value=\"" + account.account().username() + "\""), "the account is named");
        assertTrue(link.body().contains("Kies uw wachtwoord"));
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("De twee wachtwoorden zijn niet gelijk."));
        assertFalse(mismatch.body().contains("een lange zin als wachtwoord"), "a password is never sent back");
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("Een wachtwoord is ten minste 12 tekens lang."), weak.body());
        assertTrue(weak.body().contains("id=\"password-error\""));
        assertEquals(303, done.status(), done.body());
        assertEquals("/", done.header("Location"));
        String cookie = done.header("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.startsWith("WELKOM_SESSION=") && cookie.toLowerCase().contains("httponly")
                && cookie.contains("SameSite=Strict"), cookie);
        String token = cookie.substring("WELKOM_SESSION=".length(), cookie.indexOf(';'));
        assertEquals("/dashboard", page("/", token).header("Location"));
        assertEquals(200, page("/dashboard", token).status());
        Api.Response again = page(account.signInCode().link(), null);
        assertTrue(again.body().contains("Deze code is onbekend, al gebruikt of verlopen."), "the link works once");
    }

    @Test
    void theSetPasswordPageRefusesAFormFromAnotherSite() {
        AccountWithCode account = staff.account("OFFICER", staff.municipality().id());

        Api.Response response = API.send("POST", "/password/set", null,
                encode(Map.of("code", account.signInCode().code(), "password", "een lange zin als wachtwoord",
                        "repeat", "een lange zin als wachtwoord")),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example");

        Api.Response form = page(account.signInCode().link(), null);

        assertEquals(403, response.status());
        assertEquals("no-store", form.header("Cache-Control"), "the page with the code is not stored");
        assertTrue(form.header("Content-Security-Policy").startsWith("default-src 'none'"));
        assertTrue(form.body().contains("Kies uw wachtwoord"), "the refused form did not spend the code");
    }

    private static Api.Response page(String path, String token) {
        return token == null ? API.get(path, null) : API.get(path, null, "Cookie", "WELKOM_SESSION=" + token);
    }

    private static Api.Response form(String path, String token, Map<String, String> fields) {
        String body = encode(fields);
        return token == null
                ? API.send("POST", path, null, body, "Content-Type", "application/x-www-form-urlencoded")
                : API.send("POST", path, null, body, "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "WELKOM_SESSION=" + token);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
