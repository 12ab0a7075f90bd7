package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.assertHtml;
import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * The dashboard speaks Dutch unless the browser or the person asks for English: {@code Accept-Language},
 * the language switch ({@code POST /language}) and its cookie, and the error pages in both languages.
 */
@MicronautTest(transactional = false)
class DashboardLanguageTest extends DemoPagesTest {
    /** A date the dashboard writes out, such as the next task's due date in the household list. */
    private static final Pattern DUTCH_DATE = Pattern.compile(
            "\\b\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \\d{4}\\b");
    private static final Pattern ENGLISH_DATE = Pattern.compile(
            "\\b\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}\\b");
    private static final Pattern HOUSEHOLD_LINK = Pattern.compile("href=\"(/dashboard/households/[0-9a-f-]{36})\">Familie Haile<");

    @Test
    void withoutAcceptLanguageAPageIsDutchWithDutchDates() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String page = body(web.send(HttpRequest.GET("/dashboard").cookie(officer)));
        String places = body(web.send(HttpRequest.GET("/dashboard/places").cookie(officer)));

        assertTrue(places.contains("<html lang=\"nl\">"), places);
        assertTrue(places.contains("<title>Lokale plekken — Welkom</title>"), places);
        assertTrue(page.contains("Afmelden"));
        assertTrue(page.contains("Aangemeld als"));
        assertFalse(page.contains("Sign out"));
        assertTrue(DUTCH_DATE.matcher(page).find(), "a due date the Dutch way:\n" + page);
        assertFalse(ENGLISH_DATE.matcher(page).find());
        assertTrue(page.contains("lang=\"en\">English</button>"), "the switch offers English, in English");
    }

    @Test
    void aBrowserThatAsksForEnglishGetsEnglish() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String page = body(web.send(HttpRequest.GET("/dashboard").cookie(officer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")));
        String places = body(web.send(HttpRequest.GET("/dashboard/places").cookie(officer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")));

        assertTrue(places.contains("<html lang=\"en\">"), places);
        assertTrue(places.contains("<title>Local places — Welkom</title>"), places);
        assertTrue(page.contains("Sign out"));
        assertFalse(page.contains("Afmelden"));
        assertTrue(ENGLISH_DATE.matcher(page).find(), "a due date in English:\n" + page);
        assertTrue(page.contains("lang=\"nl\">Nederlands</button>"), "the switch offers Dutch, in Dutch");
    }

    @Test
    void aBrowserThatAsksForDutchGetsDutch() {
        String page = body(web.send(HttpRequest.GET("/dashboard/places").cookie(web.session(DemoData.ZWOLLE_OFFICER))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7")));

        assertTrue(page.contains("<html lang=\"nl\">"));
        assertTrue(page.contains("<h1>Lokale plekken</h1>"));
        assertTrue(page.contains("Afmelden"));
    }

    @Test
    void aLanguageTheDashboardDoesNotSpeakFallsBackToDutch() {
        for (String header : List.of("fr", "fr-FR,de;q=0.8", "ar", "*", "not a language;q=x")) {
            HttpResponse<String> response = web.send(HttpRequest.GET("/login").header(HttpHeaders.ACCEPT_LANGUAGE, header));

            assertEquals(200, response.code(), header);
            assertTrue(body(response).contains("<html lang=\"nl\">"), header);
            assertTrue(body(response).contains("<title>Aanmelden — Welkom</title>"), header);
        }
        String englishSecond = body(web.send(HttpRequest.GET("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "fr, en;q=0.5")));
        assertTrue(englishSecond.contains("<title>Sign in — Welkom</title>"), "English when it is the first spoken one asked for");
    }

    @Test
    void theSignInPageSpeaksBothLanguages() {
        String dutch = body(web.send(HttpRequest.GET("/login")));
        String english = body(web.send(HttpRequest.GET("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "en")));
        HttpResponse<String> failed = web.send(DashboardClient.loginRequest(DemoData.ZWOLLE_OFFICER, "wrong").header(HttpHeaders.ACCEPT_LANGUAGE, "en"));

        assertTrue(dutch.contains(">Gebruikersnaam</label>") && dutch.contains(">Wachtwoord</label>"), dutch);
        assertTrue(dutch.contains("<button type=\"submit\" id=\"sign-in\">Aanmelden</button>"), dutch);
        assertTrue(english.contains(">Username</label>") && english.contains(">Password</label>"), english);
        assertEquals(401, failed.code());
        assertTrue(body(failed).contains("The username or the password is not right."));
    }

    @Test
    void theSwitchSetsACookieAndShowsThePageAgainInTheChosenLanguage() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);

        HttpResponse<String> english = web.send(web.sameOrigin(HttpRequest.POST("/language",
                Map.of("lang", "en", "back", "/dashboard/places")).cookie(officer)));

        assertEquals(303, english.code());
        assertEquals("/dashboard/places", english.header(HttpHeaders.LOCATION));
        String cookie = setCookie(english, DashboardLocale.COOKIE);
        assertTrue(cookie.startsWith(DashboardLocale.COOKIE + "=en;"), cookie);
        assertTrue(cookie.contains("Path=/") && cookie.contains("SameSite=Lax") && cookie.contains("Max-Age="), cookie);
        Cookie chosen = Cookie.of(DashboardLocale.COOKIE, "en");
        String page = body(web.send(HttpRequest.GET("/dashboard/places").cookie(officer).cookie(chosen)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl-NL,nl")));
        assertTrue(page.contains("<html lang=\"en\">") && page.contains("<h1>Local places</h1>"), page);

        HttpResponse<String> dutch = web.send(web.sameOrigin(HttpRequest.POST("/language",
                Map.of("lang", "nl", "back", "/dashboard?page=2")).cookie(officer).cookie(chosen)));
        assertEquals("/dashboard?page=2", dutch.header(HttpHeaders.LOCATION));
        assertTrue(setCookie(dutch, DashboardLocale.COOKIE).startsWith(DashboardLocale.COOKIE + "=nl;"));
        String again = body(web.send(HttpRequest.GET("/dashboard/places").cookie(officer)
                .cookie(Cookie.of(DashboardLocale.COOKIE, "nl")).header(HttpHeaders.ACCEPT_LANGUAGE, "en")));
        assertTrue(again.contains("<h1>Lokale plekken</h1>"), again);
    }

    @Test
    void theSwitchWorksBeforeSigningIn() {
        HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST("/language", Map.of("lang", "EN-gb", "back", "/login"))));

        assertEquals(303, response.code());
        assertEquals("/login", response.header(HttpHeaders.LOCATION));
        assertTrue(setCookie(response, DashboardLocale.COOKIE).startsWith(DashboardLocale.COOKIE + "=en;"));
        String page = body(web.send(HttpRequest.GET("/login").cookie(Cookie.of(DashboardLocale.COOKIE, "en"))));
        assertTrue(page.contains("<title>Sign in — Welkom</title>"), page);
    }

    @Test
    void theSwitchNeverSendsTheBrowserToAnotherSite() {
        for (String back : List.of("//evil.example", "https://evil.example", "/\\evil.example", "\\\\evil.example",
                "evil.example", "javascript:alert(1)", "/a b", "")) {
            HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST("/language", Map.of("lang", "en", "back", back))));

            assertEquals(303, response.code(), back);
            assertEquals("/", response.header(HttpHeaders.LOCATION), back);
        }
        HttpResponse<String> withoutBack = web.send(web.sameOrigin(HttpRequest.POST("/language", Map.of("lang", "nl"))));
        assertEquals("/", withoutBack.header(HttpHeaders.LOCATION));
    }

    @Test
    void aSwitchFromAnotherSiteIsRefusedAndSetsNothing() {
        // On a localhost server Micronaut itself refuses a non-local Origin; another port reaches PageFilter.
        for (String origin : List.of("https://evil.example", "http://localhost:" + (server.getPort() == 1 ? 2 : 1))) {
            HttpResponse<String> response = web.send(HttpRequest.POST("/language", Map.of("lang", "en", "back", "/dashboard"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("Origin", origin));

            assertEquals(403, response.code(), origin);
            assertTrue(response.getHeaders().getAll(HttpHeaders.SET_COOKIE).isEmpty(), origin);
            assertTrue(response.header(HttpHeaders.LOCATION) == null, origin);
        }
        HttpResponse<String> page = web.send(HttpRequest.POST("/language", Map.of("lang", "en", "back", "/dashboard"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header(HttpHeaders.REFERER, "http://localhost:" + (server.getPort() == 1 ? 2 : 1) + "/form"));
        assertEquals(403, page.code());
        assertHtml(page);
        assertTrue(body(page).contains("U kunt deze pagina niet openen"), body(page));
    }

    @Test
    void anUnknownLanguageGetsTheBadRequestPageAndNoCookie() {
        for (String lang : List.of("xx", "", "fr", "nl;", "english")) {
            HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST("/language", Map.of("lang", lang, "back", "/login"))));

            assertEquals(400, response.code(), lang);
            assertHtml(response);
            assertTrue(body(response).contains("Er klopte iets niet in het formulier"), lang);
            assertTrue(response.getHeaders().getAll(HttpHeaders.SET_COOKIE).isEmpty(), lang);
        }
        HttpResponse<String> english = web.send(web.sameOrigin(HttpRequest.POST("/language", Map.of("lang", "xx")))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
        assertEquals(400, english.code());
        assertTrue(body(english).contains("<title>Form not right — Welkom</title>"), body(english));
        assertTrue(body(english).contains("Something in the form was not right"));
    }

    @Test
    void theForbiddenPageInBothLanguages() {
        Cookie admin = web.session(DemoData.ADMIN);

        HttpResponse<String> dutch = web.send(HttpRequest.GET("/dashboard").cookie(admin));
        HttpResponse<String> english = web.send(HttpRequest.GET("/dashboard").cookie(admin).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));

        assertEquals(403, dutch.code());
        assertTrue(body(dutch).contains("<title>Geen toegang — Welkom</title>"), body(dutch));
        assertTrue(body(dutch).contains("<h1>U kunt deze pagina niet openen</h1>"));
        assertTrue(body(dutch).contains("Aanmelden met een ander account"));
        assertTrue(body(dutch).contains("href=\"/dashboard/admin\">Naar de startpagina</a>"), "the link goes to the admin's own start");
        assertEquals(403, english.code());
        assertTrue(body(english).contains("<title>No access — Welkom</title>"));
        assertTrue(body(english).contains("<h1>You cannot open this page</h1>"));
        assertTrue(body(english).contains("Sign in with another account"));
    }

    @Test
    void theNotFoundPageInBothLanguages() {
        String haile = haileLink();
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);

        HttpResponse<String> dutch = web.send(HttpRequest.GET(haile).cookie(deventer));
        HttpResponse<String> english = web.send(HttpRequest.GET(haile).cookie(deventer).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"));

        assertEquals(404, dutch.code());
        assertTrue(body(dutch).contains("<title>Niet gevonden — Welkom</title>"));
        assertTrue(body(dutch).contains("of u hebt er geen toegang toe"));
        assertEquals(404, english.code());
        assertTrue(body(english).contains("<title>Not found — Welkom</title>"));
        assertTrue(body(english).contains("or you have no access to it"));
        assertFalse(body(dutch).contains("Familie Haile") || body(english).contains("Familie Haile"));
    }

    @Test
    void theBadRequestPageOfATamperedFormInBothLanguages() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String form = haileLink() + "/tasks/" + "00000000-0000-0000-0000-000000000000" + "/status";
        Map<String, String> tampered = Map.of("status", "MAYBE", "version", "1");

        HttpResponse<String> dutch = web.send(web.sameOrigin(HttpRequest.POST(form, tampered).cookie(officer)));
        HttpResponse<String> english = web.send(web.sameOrigin(HttpRequest.POST(form, tampered).cookie(officer))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"));

        assertEquals(400, dutch.code());
        assertTrue(body(dutch).contains("<h1>Er klopte iets niet in het formulier</h1>"), body(dutch));
        assertEquals(400, english.code());
        assertTrue(body(english).contains("<h1>Something in the form was not right</h1>"));
    }

    @Test
    void thePlacesPageNamesEveryCategoryInTheViewersLanguage() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String dutch = body(web.send(HttpRequest.GET("/dashboard/places").cookie(officer)));
        String english = body(web.send(HttpRequest.GET("/dashboard/places").cookie(officer).header(HttpHeaders.ACCEPT_LANGUAGE, "en")));

        for (String word : List.of("Gemeentehuis", "Huisartsenpraktijk", "Apotheek", "Openingstijden")) {
            assertTrue(dutch.contains(word), word);
        }
        for (String word : List.of("Town hall", "GP practice", "Pharmacy", "Opening hours")) {
            assertTrue(english.contains(word), word);
            assertFalse(dutch.contains(word), word);
        }
        assertTrue(dutch.contains("Voor de meeste zaken maakt u eerst een afspraak"), "opening hours in Dutch");
        assertTrue(english.contains("For most matters you make an appointment first"), "opening hours in English");
    }

    @Test
    void theActivationCodePageSpeaksTheViewersLanguageAroundTheFamilysInstructions() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String codes = haileLink() + "/activation-codes";

        // Creating a code redirects to the page that shows it (post-redirect-get).
        String shown = web.send(web.sameOrigin(HttpRequest.POST(codes, Map.of()).cookie(officer))).header(HttpHeaders.LOCATION);
        String dutch = body(web.send(HttpRequest.GET(shown).cookie(officer)));
        String english = body(web.send(HttpRequest.GET(shown).cookie(officer).header(HttpHeaders.ACCEPT_LANGUAGE, "en")));

        assertTrue(dutch.contains("<title>Activeringscode — Welkom</title>"), dutch);
        assertTrue(dutch.contains("<h1>Activeringscode voor Familie Haile</h1>"));
        assertTrue(dutch.contains("Werkt één keer. Geldig tot") && dutch.contains("(Nederlandse tijd)."));
        assertTrue(dutch.contains("aria-label=\"QR-code met dezelfde activeringscode\""));
        assertTrue(english.contains("<h1>Activation code for Familie Haile</h1>"));
        assertTrue(english.contains("Works once. Valid until"));
        assertTrue(english.contains("with your browser’s print command"), "an apostrophe comes through:\n" + english);
        for (String page : List.of(dutch, english)) {
            assertTrue(page.contains("<li>Typ deze code.</li>") && page.contains("<li>Type this code.</li>")
                    && page.contains("<li>اكتب هذا الرمز.</li>"), "the family's instructions stay in three languages");
        }
    }

    private String haileLink() {
        Matcher link = HOUSEHOLD_LINK.matcher(body(web.send(HttpRequest.GET("/dashboard").cookie(web.session(DemoData.ZWOLLE_OFFICER)))));
        assertTrue(link.find());
        return link.group(1);
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        return response.getHeaders().getAll(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }
}
