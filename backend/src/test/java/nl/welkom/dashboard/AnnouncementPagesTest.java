package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.assertHtml;
import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** The officer's announcement pages on the demo data: the list, writing one, translating it, withdrawing it. */
@MicronautTest(transactional = false)
class AnnouncementPagesTest extends DemoPagesTest {
    private static final Pattern PAGE = Pattern.compile("/dashboard/announcements/([0-9a-f-]{36})");

    @Test
    void theOfficerSeesTheDemoAnnouncementWithItsMachineDraftedTranslationsMarked() {
        HttpResponse<String> list = web.send(HttpRequest.GET("/dashboard/announcements")
                .cookie(web.session(DemoData.ZWOLLE_OFFICER)));
        assertEquals(200, list.code());
        assertHtml(list);
        String html = body(list);
        assertTrue(html.contains("Spreekuur Vluchtelingenwerk verplaatst naar donderdag"), html);
        assertTrue(html.contains("machinaal vertaald, niet nagekeken"));
        assertTrue(html.contains("Inschrijfweek van de taalschool"));
        assertTrue(html.contains("href=\"/dashboard/announcements\""), "the officer's menu links here");
    }

    @Test
    void anOfficerWritesAnAnnouncementAddsATranslationAndWithdrawsIt() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String expires = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(14).toString();

        HttpResponse<String> refused = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/announcements",
                Map.of("title", "", "text", "De bibliotheek is gesloten.", "target", "STAGE", "stage", "",
                        "expiresOn", expires))).cookie(officer));
        assertEquals(400, refused.code());
        String form = body(refused);
        assertTrue(form.contains("De bibliotheek is gesloten."), "the text is kept");
        assertTrue(form.contains("Vul een titel in van hoogstens 120 tekens."), form);
        assertTrue(form.contains("Kies een fase."));
        assertTrue(form.contains("aria-invalid=\"true\" aria-describedby=\"title-error\""), "the error is tied to its field");

        HttpResponse<String> made = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/announcements",
                Map.of("title", "Bibliotheek gesloten op maandag", "text", "De bibliotheek is maandag gesloten.",
                        "target", "LANGUAGE", "language", "ar", "expiresOn", expires))).cookie(officer));
        assertEquals(303, made.code(), body(made));
        Matcher id = PAGE.matcher(made.header(HttpHeaders.LOCATION));
        assertTrue(id.matches(), made.header(HttpHeaders.LOCATION));
        String page = "/dashboard/announcements/" + id.group(1);
        String shown = body(web.send(HttpRequest.GET(page).cookie(officer)));
        assertTrue(shown.contains("Bibliotheek gesloten op maandag"));
        assertTrue(shown.contains("Taal: Arabisch"), shown);

        HttpResponse<String> translated = web.send(web.sameOrigin(HttpRequest.POST(page + "/translations/ar",
                Map.of("title", "المكتبة مغلقة يوم الاثنين", "text", "المكتبة مغلقة يوم الاثنين.",
                        "machineDrafted", "on"))).cookie(officer));
        assertEquals(303, translated.code(), body(translated));
        String withTranslation = body(web.send(HttpRequest.GET(page).cookie(officer)));
        assertTrue(withTranslation.contains("المكتبة مغلقة يوم الاثنين"));
        assertTrue(withTranslation.contains("machinaal vertaald, niet nagekeken"));

        HttpResponse<String> confirm = web.send(HttpRequest.GET(page + "/withdraw").cookie(officer));
        assertEquals(200, confirm.code());
        assertTrue(body(confirm).contains("Ja, intrekken"));
        HttpResponse<String> withdrawn = web.send(web.sameOrigin(HttpRequest.POST(page + "/withdraw", Map.of()))
                .cookie(officer));
        assertEquals(303, withdrawn.code(), body(withdrawn));
        String after = body(web.send(HttpRequest.GET(page).cookie(officer)));
        assertTrue(after.contains("Ingetrokken op"), after);
        assertFalse(after.contains("/translations/ar\""), "a withdrawn announcement has no forms");
    }

    @Test
    void anotherMunicipalitysOfficerGetsNotFoundAndAFamilyFriendIsRefused() {
        String list = body(web.send(HttpRequest.GET("/dashboard/announcements")
                .cookie(web.session(DemoData.ZWOLLE_OFFICER))));
        Matcher id = PAGE.matcher(list);
        assertTrue(id.find(), list);
        String page = "/dashboard/announcements/" + id.group(1);

        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);
        assertEquals(404, web.send(HttpRequest.GET(page).cookie(deventer)).code());
        assertEquals(404, web.send(web.sameOrigin(HttpRequest.POST(page + "/withdraw", Map.of())).cookie(deventer)).code());
        assertFalse(body(web.send(HttpRequest.GET("/dashboard/announcements").cookie(deventer)))
                .contains("Spreekuur Vluchtelingenwerk"));
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/announcements")
                .cookie(web.session(DemoData.ZWOLLE_BUDDY))).code());
        assertTrue(body(web.send(HttpRequest.GET(page).cookie(web.session(DemoData.ZWOLLE_OFFICER))))
                .contains("/withdraw"), "still standing");
    }
}
