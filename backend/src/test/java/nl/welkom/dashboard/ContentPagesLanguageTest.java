package nl.welkom.dashboard;

import static nl.welkom.dashboard.DashboardClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * The editors' translation pages in Dutch and English: states, language names and dates in the
 * viewer's language, and an edit form with a problem shown again with the problem next to its field.
 */
@MicronautTest(transactional = false)
class ContentPagesLanguageTest extends DemoPagesTest {
    private static final String EDITOR = "editor@zwolle.demo";
    private static final Pattern EDIT_DUTCH = Pattern.compile("href=\"(/dashboard/content/lessons/([0-9a-f-]+)/nl)\"");
    private static final Pattern SECTION_BODY = Pattern.compile("name=\"(body-[^\"]+)\"");
    private static final Pattern DUTCH_DATE_TIME = Pattern.compile(
            "\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \\d{4}, \\d{2}:\\d{2}");

    @Test
    void theTranslationStatusNamesLanguagesAndStatesInTheViewersLanguage() {
        Cookie editor = web.session(EDITOR);
        String dutch = body(web.send(HttpRequest.GET("/dashboard/content").cookie(editor)));
        String english = body(web.send(HttpRequest.GET("/dashboard/content").cookie(editor).header(HttpHeaders.ACCEPT_LANGUAGE, "en")));

        assertTrue(dutch.contains("<h1>Stand van de vertalingen</h1>"), dutch);
        assertTrue(dutch.contains(">Arabisch (ar)</a>") && dutch.contains(">Somalisch (so)</a>"), dutch);
        assertTrue(dutch.contains(">Dari (prs)</a>"), "a language Java cannot name keeps its stored name");
        assertTrue(dutch.contains("Lessen in het Arabisch (ar)"));
        assertTrue(dutch.contains(">Actueel</span>") || dutch.contains(">Machinevertaling</span>"), dutch);
        assertTrue(english.contains("<h1>Translation status</h1>"));
        assertTrue(english.contains(">Arabic (ar)</a>") && english.contains("Lessons in Arabic (ar)"));
        assertFalse(english.contains("Actueel"));
    }

    @Test
    void theEditFormSaysWhenARevisionWasMadeTheDutchWay() {
        Cookie editor = web.session(EDITOR);
        String form = firstLessonForm(editor);
        Map<String, String> values = validForm(form, "Geldige titel");

        HttpResponse<String> saved = web.send(web.sameOrigin(HttpRequest.POST(formPath(editor), values).cookie(editor)));
        String page = body(web.send(HttpRequest.GET(formPath(editor)).cookie(editor)));

        assertEquals(303, saved.code(), body(saved));
        assertTrue(page.contains("overgenomen uit de inhoudsbestanden"), "the imported first revision has no real date:\n" + page);
        assertTrue(DUTCH_DATE_TIME.matcher(page).find(), "the new draft's time the Dutch way:\n" + page);
        assertTrue(Pattern.compile("Versie \\d+:\\s+concept").matcher(page).find(), page);
        assertTrue(page.contains(">Opslaan als concept</button>") && page.contains(">Publiceren</button>"));
    }

    @Test
    void aFormWithoutATitleIsShownAgainWithTheProblemNextToTheTitleAndNothingIsSaved() {
        Cookie editor = web.session(EDITOR);
        String form = firstLessonForm(editor);
        Map<String, String> values = validForm(form, "   ");
        String body = values.keySet().stream().filter(key -> key.startsWith("body-")).findFirst().orElseThrow();
        values.put(body, "Mijn half afgemaakte tekst <b>blijft</b> staan.");
        long revisions = demo.queryLong("SELECT COUNT(*) FROM lesson_revision");

        HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST(formPath(editor), values).cookie(editor)));

        assertEquals(400, response.code());
        String page = body(response);
        assertTrue(page.contains("<h2>De les is niet opgeslagen</h2>"), page);
        assertTrue(page.contains("<a href=\"#title\">Titel: Vul dit veld in.</a>"), page);
        assertTrue(page.contains("id=\"title-error\">Vul dit veld in.</span>"), page);
        assertTrue(Pattern.compile("id=\"title\"[^>]*aria-invalid=\"true\"\\s+aria-describedby=\"title-error\"").matcher(page).find(),
                page);
        assertTrue(page.contains("Mijn half afgemaakte tekst &lt;b&gt;blijft&lt;/b&gt; staan."), "what was typed is kept, escaped");
        assertEquals(revisions, demo.queryLong("SELECT COUNT(*) FROM lesson_revision"), "nothing was saved");
    }

    @Test
    void aTooLongHeadingIsNamedWithItsSectionInEnglishOnRequest() {
        Cookie editor = web.session(EDITOR);
        String form = firstLessonForm(editor);
        Map<String, String> values = validForm(form, "A title");
        String body = values.keySet().stream().filter(key -> key.startsWith("body-")).findFirst().orElseThrow();
        String heading = "heading-" + body.substring("body-".length());
        values.put(heading, "x".repeat(201));
        long revisions = demo.queryLong("SELECT COUNT(*) FROM lesson_revision");

        HttpResponse<String> response = web.send(web.sameOrigin(HttpRequest.POST(formPath(editor), values).cookie(editor))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB"));

        assertEquals(400, response.code());
        String page = body(response);
        assertTrue(page.contains("<h2>The lesson was not saved</h2>"), page);
        assertTrue(page.contains("This is 201 characters long; it may be at most 200."), page);
        assertTrue(page.contains("<a href=\"#" + heading + "\">Section 1 – Heading: This is 201"), page);
        assertTrue(page.contains("aria-describedby=\"" + heading + "-error\""), page);
        assertTrue(page.contains("value=\"A title\""), "the title typed is kept");
        assertEquals(revisions, demo.queryLong("SELECT COUNT(*) FROM lesson_revision"));
    }

    @Test
    void theApiStillAnswersAMissingTitleWithAnEnglishProblem() {
        Cookie editor = web.session(EDITOR);
        Matcher link = EDIT_DUTCH.matcher(body(web.send(HttpRequest.GET("/dashboard/content").cookie(editor))));
        assertTrue(link.find());

        HttpResponse<String> response = web.send(HttpRequest.POST("/api/editor/lessons/" + link.group(2) + "/revisions/nl",
                Map.of("title", " ", "sections", List.of())).cookie(editor));

        assertEquals(400, response.code());
        assertTrue(body(response).contains("title is required."), body(response));
    }

    private String formPath(Cookie editor) {
        Matcher link = EDIT_DUTCH.matcher(body(web.send(HttpRequest.GET("/dashboard/content").cookie(editor))));
        assertTrue(link.find());
        return link.group(1);
    }

    private String firstLessonForm(Cookie editor) {
        HttpResponse<String> response = web.send(HttpRequest.GET(formPath(editor)).cookie(editor));
        assertEquals(200, response.code(), body(response));
        return body(response);
    }

    /** The form's section bodies as they are (so that nothing else fails), with {@code title}. */
    private static Map<String, String> validForm(String form, String title) {
        Map<String, String> values = new HashMap<>();
        values.put("title", title);
        values.put("action", "draft");
        Matcher body = SECTION_BODY.matcher(form);
        while (body.find()) {
            values.put(body.group(1), "Een korte tekst.");
        }
        assertFalse(values.size() == 2, "the lesson has sections:\n" + form);
        return values;
    }
}
