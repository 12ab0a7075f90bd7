package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.welkom.housing.FixedClockFactory;
import org.junit.jupiter.api.Test;

/**
 * Housing's dashboard pages over plain HTTP on the shipped demo data (demo.yaml and housing.yaml),
 * with the clock standing still on 4 December 2026: the quota overview with its fill and what is
 * late, the household's housing section and who sees it, and the offer and period forms with their
 * errors beside the fields.
 */
@MicronautTest(transactional = false)
class HousingPagesTest extends DemoPagesTest {
    private static final Pattern PERIOD_LINK = Pattern.compile("href=\"(/dashboard/housing/periods/[0-9a-f-]{36})\">([^<]+)</a>");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(demo.properties());
        properties.put(FixedClockFactory.TODAY, "2026-12-04");
        return properties;
    }

    @Test
    void theOverviewShowsEachPeriodsFillInPersonsAndWhatIsLate() {
        String page = body(web.send(HttpRequest.GET("/dashboard/housing").cookie(web.session(DemoData.ZWOLLE_OFFICER))));

        assertTrue(page.contains("<h1>Huisvesting en taakstelling</h1>"), page);
        assertTrue(page.contains("10 van 22 personen gehuisvest, 45%"), page);
        assertTrue(page.contains("2 van 3 gekoppelde huishoudens gehuisvest"), page);
        assertTrue(page.contains("16 personen in 3 huishoudens"), page);
        assertTrue(page.contains("0 van 18 personen gehuisvest, 0%"), page);
        assertTrue(page.contains("<rect class=\"fg\" x=\"0\" y=\"0\" height=\"10\" width=\"45\">"), "the bar is drawn on the server");
        assertTrue(page.contains("Periode 2026-2 eindigt op 31 december 2026 en zit onder de taakstelling: nog 12 personen te huisvesten."),
                page);
        assertTrue(page.contains("Familie Bahati</a>") && page.contains("verwacht op 24 december 2026, nog geen geaccepteerd woningaanbod"),
                page);
        assertFalse(page.contains("Familie Tesfamariam</a>"), "expected in 45 days: not late yet");
        assertFalse(page.contains("<script"));
    }

    @Test
    void theReportsPageCountsTheQuotaInPersonsAndItsCsvHidesHouseholdCountsUnderFive() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String page = body(web.send(HttpRequest.GET("/dashboard/reports").cookie(officer)));
        assertTrue(page.contains("Taakstelling per periode"), page);
        assertTrue(page.contains("2026-2") && page.contains("2027-1"), page);

        String json = body(web.send(HttpRequest.GET("/api/reports/quota").cookie(officer)));
        assertTrue(json.contains("{\"key\":\"2026-2\",\"counts\":[22,16,10]}"), json);

        String csv = body(web.send(HttpRequest.GET("/api/reports/quota.csv").cookie(officer)));
        // The target (22) is not about households and stays; 16 linked persons in 3 households, 10 housed in 2: hidden.
        assertTrue(csv.contains("2026-2;22;<5;<5"), csv);
        assertFalse(csv.contains(";16;") || csv.contains(";10"), csv);

        String deventer = body(web.send(HttpRequest.GET("/api/reports/quota").cookie(web.session(DemoData.DEVENTER_OFFICER))));
        assertFalse(deventer.contains("2026-2"), "Deventer has no periods of its own: " + deventer);
    }

    @Test
    void theOverviewSpeaksEnglishOnRequest() {
        String page = body(web.send(HttpRequest.GET("/dashboard/housing").cookie(web.session(DemoData.ZWOLLE_OFFICER))
                .cookie(Cookie.of(DashboardLocale.COOKIE, "en"))));

        assertTrue(page.contains("10 of 22 persons housed, 45%"), page);
        assertTrue(page.contains("expected on 24 December 2026, no accepted housing offer yet"), page);
    }

    @Test
    void thePeriodPageMarksTheLateHouseholdAndSuggestsItsCampMates() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String period = body(web.send(HttpRequest.GET(periodPath(officer, "2026-2")).cookie(officer)));
        String next = body(web.send(HttpRequest.GET(periodPath(officer, "2027-1")).cookie(officer)));

        assertTrue(period.contains("Taakstelling 2026-2"), period);
        assertTrue(period.contains("Te laat"), period);
        assertTrue(period.contains("Geaccepteerd: Dobbestraat 14, 8012 BT Zwolle"), period);
        assertTrue(period.contains("Zelfde nationaliteit (Congo-Kinshasa) en zelfde kamp (Nyarugusu), verwacht 17 februari 2027"),
                period);
        assertTrue(next.contains("zelfde kamp (Alemwach), aangekomen 2 september 2026"), next);
        assertTrue(next.contains("Woning: Dobbestraat 14, 8012 BT Zwolle"), next);
    }

    @Test
    void theHouseholdPageShowsHousingToTheOfficerAndNotToTheFamilyFriend() {
        String haile = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Haile");

        String officerPage = body(web.send(HttpRequest.GET("/dashboard/households/" + haile)
                .cookie(web.session(DemoData.ZWOLLE_OFFICER))));
        String buddyPage = body(web.send(HttpRequest.GET("/dashboard/households/" + haile)
                .cookie(web.session(DemoData.ZWOLLE_BUDDY))));

        assertTrue(officerPage.contains("<h2 id=\"housing\">Huisvesting</h2>"), officerPage);
        assertTrue(officerPage.contains("Telt mee voor de taakstelling 2026-2."), officerPage);
        assertTrue(officerPage.contains("Dobbestraat 14, 8012 BT Zwolle"), officerPage);
        assertTrue(officerPage.contains("Zelfde nationaliteit (Eritrea) en zelfde kamp (Alemwach), verwacht 18 januari 2027"),
                officerPage);
        assertFalse(buddyPage.contains("id=\"housing\""), "a family friend sees no housing");
        assertFalse(buddyPage.contains("Dobbestraat"));
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/housing").cookie(web.session(DemoData.ZWOLLE_BUDDY))).code());
        assertEquals(403, web.send(HttpRequest.GET("/dashboard/households/" + haile + "/housing-offers/new")
                .cookie(web.session(DemoData.ZWOLLE_BUDDY))).code());
    }

    @Test
    void theDeventerOfficerGetsTheNotFoundPageForZwollesPeriodAndOffers() {
        Cookie zwolle = web.session(DemoData.ZWOLLE_OFFICER);
        Cookie deventer = web.session(DemoData.DEVENTER_OFFICER);
        String period = periodPath(zwolle, "2026-2");
        String bahati = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Bahati");

        assertEquals(404, web.send(HttpRequest.GET(period).cookie(deventer)).code());
        assertEquals(404, web.send(HttpRequest.GET("/dashboard/households/" + bahati + "/housing-offers/new").cookie(deventer)).code());
        assertEquals(404, web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + bahati + "/housing-offers",
                offerForm("DECLINED", "TOO_FAR")).cookie(deventer))).code());
        assertEquals(404, web.send(web.sameOrigin(HttpRequest.POST(period + "/households/" + bahati + "/unlink", Map.of())
                .cookie(deventer))).code());
        assertFalse(body(web.send(HttpRequest.GET("/dashboard/housing").cookie(deventer))).contains("2026-2"),
                "Deventer has no periods of its own in the demo");
        assertTrue(body(web.send(HttpRequest.GET(period).cookie(zwolle))).contains("Familie Bahati"), "still linked");
    }

    @Test
    void decliningAnOfferWithoutAReasonShowsTheFormAgainWithTheErrorBesideTheField() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String bahati = web.householdId(DemoData.ZWOLLE_OFFICER, "Familie Bahati");
        long before = demo.queryLong("SELECT count(*) FROM housing_offer WHERE household_id = ?", bahati);

        HttpResponse<String> refused = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + bahati
                + "/housing-offers", offerForm("DECLINED", "")).cookie(officer)));

        assertEquals(400, refused.code());
        String form = body(refused);
        assertTrue(form.contains("<a href=\"#declineReason\">Kies waarom het gezin de woning heeft afgewezen.</a>"), form);
        assertTrue(form.contains("id=\"declineReason-error\">Kies waarom het gezin de woning heeft afgewezen.</p>"), form);
        assertTrue(Pattern.compile("name=\"declineReason\" aria-invalid=\"true\"\\s+"
                + "aria-describedby=\"declineReason-hint declineReason-error\"").matcher(form).find(), form);
        assertTrue(form.contains("value=\"Assendorperstraat\""), "the values are kept");
        assertEquals(before, demo.queryLong("SELECT count(*) FROM housing_offer WHERE household_id = ?", bahati));

        HttpResponse<String> saved = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/households/" + bahati
                + "/housing-offers", offerForm("DECLINED", "TOO_FAR")).cookie(officer)));

        assertEquals(303, saved.code());
        assertEquals("/dashboard/households/" + bahati + "#housing", saved.header(HttpHeaders.LOCATION));
        String page = body(web.send(HttpRequest.GET("/dashboard/households/" + bahati).cookie(officer)));
        assertTrue(page.contains("Assendorperstraat 40, 8012 DJ Zwolle"), page);
        assertTrue(page.contains("Te ver van school, werk, zorg of de eigen gemeenschap"), page);
        assertEquals(1, demo.queryLong("SELECT count(*) FROM audit_event WHERE action = 'housing.offer.create'"
                + " AND household_id = ?", bahati));
    }

    @Test
    void aNewPeriodWithoutATargetIsRefusedAndWithOneItOpens() {
        Cookie officer = web.session(DemoData.ZWOLLE_OFFICER);
        String blank = body(web.send(HttpRequest.GET("/dashboard/housing/periods/new").cookie(officer)));
        assertTrue(blank.contains("value=\"2027-2\"") && blank.contains("value=\"2027-07-01\""),
                "filled in with the half-year after the last one: " + blank);

        HttpResponse<String> refused = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/housing/periods",
                Map.of("label", "2027-2", "startsOn", "2027-07-01", "endsOn", "2027-12-31", "targetPersons", "0"))
                .cookie(officer)));
        HttpResponse<String> overlapping = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/housing/periods",
                Map.of("label", "2027-X", "startsOn", "2027-06-01", "endsOn", "2027-12-31", "targetPersons", "5"))
                .cookie(officer)));
        HttpResponse<String> created = web.send(web.sameOrigin(HttpRequest.POST("/dashboard/housing/periods",
                Map.of("label", "2027-2", "startsOn", "2027-07-01", "endsOn", "2027-12-31", "targetPersons", "20"))
                .cookie(officer)));

        assertEquals(400, refused.code());
        assertTrue(body(refused).contains("id=\"targetPersons-error\">Vul een heel getal in van 1 tot en met 100000.</p>"),
                body(refused));
        assertEquals(400, overlapping.code());
        assertTrue(body(overlapping).contains("Deze data overlappen met periode 2027-1."), body(overlapping));
        assertEquals(303, created.code());
        String period = body(web.send(HttpRequest.GET(created.header(HttpHeaders.LOCATION)).cookie(officer)));
        assertTrue(period.contains("Taakstelling 2027-2") && period.contains("0 van 20 personen gehuisvest, 0%"), period);
    }

    private static Map<String, String> offerForm(String status, String reason) {
        Map<String, String> form = new HashMap<>();
        form.put("street", "Assendorperstraat");
        form.put("houseNumber", "40");
        form.put("postcode", "8012dj");
        form.put("city", "Zwolle");
        form.put("offeredOn", "2026-12-01");
        form.put("rooms", "");
        form.put("status", status);
        form.put("declineReason", reason);
        form.put("note", "");
        form.put("moveInOn", "");
        return form;
    }

    /** The page of the Zwolle period with this label, from the overview's links. */
    private String periodPath(Cookie officer, String label) {
        Matcher link = PERIOD_LINK.matcher(body(web.send(HttpRequest.GET("/dashboard/housing").cookie(officer))));
        while (link.find()) {
            if (link.group(2).equals(label)) {
                return link.group(1);
            }
        }
        throw new AssertionError("no period " + label);
    }
}
