package nl.welkom.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.household.SpecialNeedKind;
import nl.welkom.model.journey.JourneyStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/households/import}: the list a COA or a selection mission hands over, as CSV. */
class HouseholdImportApiTest {
    private static final Api API = new Api();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String HEADER = "huishouden;referentie;naam_huishouden;nationaliteit;herkomst;selectieroute;"
            + "verwachte_aankomst;aankomstdatum;aankomstroute;opvanglocatie;fase;naam;geboortejaar;geboortedatum;talen;"
            + "nationaliteit_lid;behoefte;toelichting_behoefte;bsn";
    private static String officer;

    @BeforeAll
    static void signIn() {
        officer = API.login(Fixtures.OFFICER);
    }

    @Test
    void aValidListIsImportedAsHouseholdsWithTheirMembersAndNeeds() {
        String a = Households.reference("IMP");
        String csv = HEADER + "\r\n"
                + "1;" + a + ";Familie Tesfay;ER;Shire, Ethiopië;selectiemissie;15-03-2027;;azc;azc Budel;;Selam;1990;;ti en;;alleenstaande ouder;Alleen met twee kinderen;123456789\r\n"
                + "1;;;;;;;;;;;Dawit;;2015-04-02;ti;;medisch / trauma;Astma;\r\n"
                + "1;;familie tesfay;;;;;;;;;Ruth;2019;;;;;;\r\n"
                + "2;;Familie Ahmadi;AF;Islamabad;dossier;;2026-11-20;direct;;;Zahra;1993;;prs,en;;;;\r\n";

        Response response = post(csv.getBytes(StandardCharsets.UTF_8), "all");

        assertEquals(200, response.status, response.body);
        ImportReport report = response.report();
        assertTrue(report.imported());
        assertEquals(4, report.rows());
        assertEquals(2, report.householdsImported());
        assertEquals(4, report.membersImported());
        assertEquals(List.of("bsn"), report.ignoredColumns());
        assertTrue(report.errors().isEmpty(), report.errors().toString());

        ImportReport.ImportedHousehold tesfay = report.importedHouseholds().get(0);
        assertEquals(a, tesfay.reference());
        HouseholdDetails details = details(tesfay.id());
        assertEquals("Familie Tesfay", details.displayName());
        assertEquals("Shire, Ethiopië", details.campOfOrigin());
        assertEquals("2027-03-15", details.expectedArrival());
        assertEquals(JourneyStage.SELECTED, details.stage());
        assertEquals(List.of("ti", "en"), details.languages(), "the members' languages together");
        assertEquals(List.of("Selam", "Dawit", "Ruth"), details.members().stream().map(m -> m.displayName()).toList());
        assertEquals("2015-04-02", details.members().get(1).birthDate());
        assertEquals(List.of(SpecialNeedKind.SINGLE_PARENT, SpecialNeedKind.MEDICAL, SpecialNeedKind.TRAUMA),
                details.specialNeeds().stream().map(need -> need.kind()).toList());
        assertEquals(details.members().get(1).id(), details.specialNeeds().get(1).memberId());
        assertEquals("Astma", details.specialNeeds().get(2).note());

        HouseholdDetails ahmadi = details(report.importedHouseholds().get(1).id());
        assertTrue(ahmadi.reference().startsWith("WLK-"), "a reference is generated: " + ahmadi.reference());
        assertEquals(JourneyStage.ARRIVAL, ahmadi.stage(), "an arrival date without a stage means arrived");
        assertEquals(1, Households.audits("household.import", tesfay.id()));
        assertEquals(0, Households.count("SELECT count(*) FROM household WHERE display_name LIKE '%123456789%'"
                + " OR camp_of_origin LIKE '%123456789%'"));
    }

    @Test
    void aCommaSeparatedFileWithAByteOrderMarkIsReadLikeExcelWroteIt() {
        String reference = Households.reference("BOM");
        String csv = "\uFEFFHuishouden,Referentie,Naam huishouden,Aankomstroute,Naam,Talen,Herkomst\n"
                + "k1," + reference + ",Familie Bahati,RECEPTION_CENTRE,Espérance,\"rn, sw\",\"Nyarugusu, Tanzania\"\n";

        Response response = post(csv.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(200, response.status, response.body);
        HouseholdDetails details = details(response.report().importedHouseholds().get(0).id());
        assertEquals(reference, details.reference());
        assertEquals("Espérance", details.members().get(0).displayName());
        assertEquals("Nyarugusu, Tanzania", details.campOfOrigin());
        assertEquals(List.of("rn", "sw"), details.languages());
    }

    @Test
    void aFileFromOlderExcelInWindows1252IsReadToo() {
        String csv = "huishouden;naam_huishouden;aankomstroute;naam;talen\n1;Familie Moïse;direct;Espérance;fr\n";

        Response response = post(csv.getBytes(Charset.forName("windows-1252")), null);

        assertEquals(200, response.status, response.body);
        HouseholdDetails details = details(response.report().importedHouseholds().get(0).id());
        assertEquals("Familie Moïse", details.displayName());
        assertEquals("Espérance", details.members().get(0).displayName());
    }

    @Test
    void invalidRowsAreReportedByRowAndColumnAndNothingIsStored() {
        String taken = Households.reference("TAKEN");
        Households.create(API, officer, Households.household(taken, "Familie Bestaand"));
        long households = Households.count("SELECT count(*) FROM household");
        long members = Households.count("SELECT count(*) FROM member");

        Response response = post(invalidFile(taken).getBytes(StandardCharsets.UTF_8), "all");

        assertEquals(400, response.status, response.body);
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        Map<String, Object> problem = response.json();
        assertTrue(problem.get("type").toString().endsWith("/import-invalid"));
        assertTrue(problem.get("detail").toString().contains("nothing was imported"));
        ImportReport report = response.report();
        assertFalse(report.imported());
        assertEquals(0, report.householdsImported());
        assertEquals(expectedErrors(), errors(report));
        assertEquals(households, Households.count("SELECT count(*) FROM household"));
        assertEquals(members, Households.count("SELECT count(*) FROM member"));
    }

    @Test
    void theValidRowsModeImportsTheValidHouseholdsAndReportsTheRest() {
        String taken = Households.reference("TAKEN");
        Households.create(API, officer, Households.household(taken, "Familie Bestaand"));
        long households = Households.count("SELECT count(*) FROM household");

        Response response = post(invalidFile(taken).getBytes(StandardCharsets.UTF_8), "valid");

        assertEquals(200, response.status, response.body);
        ImportReport report = response.report();
        assertTrue(report.imported());
        assertEquals(6, report.households());
        assertEquals(1, report.householdsImported());
        assertEquals(5, report.householdsSkipped());
        assertEquals("Familie Goed", report.importedHouseholds().get(0).displayName());
        assertEquals(expectedErrors(), errors(report));
        assertEquals(households + 1, Households.count("SELECT count(*) FROM household"));
    }

    @Test
    void aFileWithAnotherSeparatorIsRefusedNamingTheMissingColumns() {
        String csv = "huishouden\tnaam_huishouden\taankomstroute\tnaam\n1\tFamilie Tab\tdirect\tAmina\n";

        Response response = post(csv.getBytes(StandardCharsets.UTF_8), "valid");

        assertEquals(400, response.status, response.body);
        assertTrue(response.json().get("type").toString().endsWith("/import-refused"));
        ImportReport report = response.report();
        assertEquals(List.of("1 huishouden column-missing", "1 naam_huishouden column-missing",
                "1 aankomstroute column-missing", "1 naam column-missing"),
                report.errors().stream().map(e -> e.row() + " " + e.column() + " " + e.problem()).toList());
        assertTrue(report.errors().get(0).message().contains("separator"), report.errors().get(0).message());
    }

    @Test
    void aFileOverTwoMegabytesIsRefusedWithA413() {
        StringBuilder csv = new StringBuilder("huishouden;naam_huishouden;aankomstroute;naam\n");
        while (csv.length() <= 2 * 1024 * 1024) {
            csv.append("1;Familie Groot;direct;").append("x".repeat(80)).append('\n');
        }

        Response response = post(csv.toString().getBytes(StandardCharsets.UTF_8), "all");

        assertEquals(413, response.status, response.body.substring(0, Math.min(300, response.body.length())));
        assertTrue(response.contentType().startsWith("application/problem+json"));
        assertTrue(response.json().get("detail").toString().contains("larger than 2 MB"), response.body);
    }

    @Test
    void aFileOfMoreThanFiveThousandRowsIsRefused() {
        StringBuilder csv = new StringBuilder("huishouden;naam_huishouden;aankomstroute;naam\n");
        for (int i = 0; i < 5001; i++) {
            csv.append(i).append(";F;direct;A\n");
        }
        long households = Households.count("SELECT count(*) FROM household");

        Response response = post(csv.toString().getBytes(StandardCharsets.UTF_8), "valid");

        assertEquals(400, response.status);
        assertEquals("too-many-rows", response.report().errors().get(0).problem());
        assertEquals(5002, response.report().errors().get(0).row());
        assertEquals(households, Households.count("SELECT count(*) FROM household"));
    }

    @Test
    void unreadableEmptyAndHeaderOnlyFilesAreRefused() {
        Response unclosed = post("huishouden;naam_huishouden;aankomstroute;naam\n1;\"Familie;direct;A\n"
                .getBytes(StandardCharsets.UTF_8), "all");
        assertEquals(400, unclosed.status, unclosed.body);
        assertEquals("not-csv", unclosed.report().errors().get(0).problem());
        Response nothing = post(new byte[0], "all");
        assertEquals(400, nothing.status);
        assertTrue(nothing.contentType().startsWith("application/problem+json"), nothing.contentType());
        assertEquals("empty-file", post("huishouden;naam_huishouden;aankomstroute;naam\r\n;;;\r\n"
                .getBytes(StandardCharsets.UTF_8), "all").report().errors().get(0).problem());
        Response mode = post("x".getBytes(StandardCharsets.UTF_8), "some");
        assertEquals(400, mode.status);
        assertTrue(mode.body.contains("mode"), mode.body);
    }

    /**
     * Six households: one valid ("Familie Goed", rows 2-3), and five with one broken rule each, plus a
     * row without a household key.
     */
    private static String invalidFile(String takenReference) {
        return HEADER + "\n"
                + "1;;Familie Goed;SY;;;;;azc;;;Rania;1985;;ar;;;;\n"
                + "1;;;;;;;;;;;Omar;2009;;ar nl;;;;\n"
                + "2;;Familie Jaar;SY;;;;;azc;;;Khaled;19x5;;ar;;;;\n"
                + "3;;Familie Boot;SY;;;;;boot;;;Lina;2012;;ar;;;;\n"
                + "4;;Familie Een;XX;;;;;direct;;;Yusuf;2016;;ar;;;;\n"
                + "4;;Familie Twee;;;;;;;;;Sara;2018;;ar;;;;\n"
                + "5;" + takenReference + ";Familie Dubbel;;;;2030-02-30;;direct;;;Nour;2020;;ar;;;;\n"
                + "6;;Familie Talen;;;;;;direct;;;Tariq;1970;1971-01-01;tlh;;honger;;\n"
                + ";;Familie Zonder;;;;;;direct;;;Ali;1990;;ar;;;;\n";
    }

    private static List<String> expectedErrors() {
        return List.of(
                "4 geboortejaar number 19x5",
                "5 aankomstroute choice boot",
                "6 nationaliteit country XX",
                "7 naam_huishouden differs Familie Twee",
                "8 referentie reference-taken -",
                "8 verwachte_aankomst date 2030-02-30",
                "9 geboortejaar birth-year-mismatch 1970",
                "9 talen language tlh",
                "9 talen languages-required -",
                "9 behoefte choice honger",
                "10 huishouden required -");
    }

    private static List<String> errors(ImportReport report) {
        return report.errors().stream()
                .map(e -> e.row() + " " + e.column() + " " + e.problem() + " "
                        + (e.problem().equals("reference-taken") || e.value() == null ? "-" : e.value()))
                .collect(Collectors.toList());
    }

    private static HouseholdDetails details(String id) {
        return API.get("/api/households/" + id + "/details", officer).as(HouseholdDetails.class);
    }

    private static Response post(byte[] body, String mode) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.get().url("/api/households/import"
                        + (mode == null ? "" : "?mode=" + mode))))
                .header("Authorization", "Bearer " + officer)
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Response(int status, String contentType, String body) {
        Map<String, Object> json() {
            try {
                return mapper().readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new IllegalStateException(body, e);
            }
        }

        /** The report: the body itself (200) or the problem's {@code report} member. */
        ImportReport report() {
            try {
                if (status == 200) {
                    return mapper().readValue(body, ImportReport.class);
                }
                return mapper().readValue(mapper().writeValueAsString(json().get("report")), ImportReport.class);
            } catch (IOException e) {
                throw new IllegalStateException(body, e);
            }
        }

        private static JsonMapper mapper() {
            return TestServer.get().context().getBean(JsonMapper.class);
        }
    }

    @Test
    void aReferenceGivenTwiceInOneFileIsReportedOnTheSecondHousehold() {
        String reference = Households.reference("TWICE");
        String csv = "huishouden;referentie;naam_huishouden;aankomstroute;naam;talen\n"
                + "1;" + reference + ";Familie Een;direct;A;ar\n"
                + "2;" + reference + ";Familie Twee;direct;B;ar\n";

        ImportReport report = post(csv.getBytes(StandardCharsets.UTF_8), "valid").report();

        assertEquals(1, report.householdsImported());
        assertEquals("3 referentie reference-twice", report.errors().stream()
                .map(e -> e.row() + " " + e.column() + " " + e.problem()).findFirst().orElse(""));
    }
}
