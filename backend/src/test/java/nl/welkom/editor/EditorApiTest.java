package nl.welkom.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.editor.EditorModel.EditorLesson;
import nl.welkom.editor.EditorModel.LanguageCounts;
import nl.welkom.editor.EditorModel.LanguageVersion;
import nl.welkom.editor.EditorModel.LessonStates;
import nl.welkom.editor.EditorModel.Revision;
import nl.welkom.editor.EditorModel.RevisionStatus;
import nl.welkom.editor.EditorModel.SaveRevision;
import nl.welkom.editor.EditorModel.SectionText;
import nl.welkom.model.content.ContentPack;
import nl.welkom.model.content.Lesson;
import nl.welkom.model.content.TranslationState;
import org.junit.jupiter.api.Test;

class EditorApiTest {
    private final Api api = new Api();
    private final String editor = api.login(Fixtures.EDITOR);

    static String lessonId(String slug) {
        return UUID.nameUUIDFromBytes(("lesson:" + slug).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String sectionId(String slug, int position) {
        return UUID.nameUUIDFromBytes(("section:" + slug + ":" + position).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void aNonMinorDutchEditMakesTheArabicTranslationOutdatedForEditorsAndReaders() {
        String lesson = lessonId("edit-outdated");
        assertEquals(TranslationState.UP_TO_DATE, state(lesson, "ar"));
        String etag = api.get("/api/content?lang=ar", null).header("ETag");

        Revision dutch = publish(save(lesson, "nl", "De gemeente", "Bel de gemeente of ga langs.", false));

        assertEquals(RevisionStatus.PUBLISHED, dutch.status());
        assertEquals(2, dutch.number());
        assertEquals(TranslationState.OUTDATED, state(lesson, "ar"));
        assertEquals(TranslationState.UP_TO_DATE, state(lesson, "nl"));
        Api.Response content = api.get("/api/content?lang=ar", null);
        assertNotEquals(etag, content.header("ETag"));
        Lesson read = readerLesson(content.as(ContentPack.class), lesson);
        assertEquals("ar", read.language());
        assertEquals(TranslationState.OUTDATED, read.state());
        assertEquals("Bel de gemeente of ga langs.",
                readerLesson(api.get("/api/content?lang=nl", null).as(ContentPack.class), lesson).sections().get(0).body());
    }

    @Test
    void aMinorDutchEditLeavesTranslationsUpToDate() {
        String lesson = lessonId("edit-minor");

        publish(save(lesson, "nl", "De bibliotheek", "Lenen is gratis voor kinderen!", true));

        assertEquals(TranslationState.UP_TO_DATE, state(lesson, "ar"));
        assertEquals("Lenen is gratis voor kinderen!",
                readerLesson(api.get("/api/content?lang=nl", null).as(ContentPack.class), lesson).sections().get(0).body());
    }

    @Test
    void aMachineDraftedTranslationSaysSoUntilAPersonPublishesAReviewedRevision() {
        String lesson = lessonId("edit-machine");
        assertEquals(TranslationState.MACHINE_DRAFTED, state(lesson, "ar"));
        assertEquals(TranslationState.MACHINE_DRAFTED,
                readerLesson(api.get("/api/content?lang=ar", null).as(ContentPack.class), lesson).state());

        Revision draft = save(lesson, "ar", "المسبح", "تعلّم السباحة.", false);
        assertEquals(TranslationState.MACHINE_DRAFTED, state(lesson, "ar"), "a draft changes nothing for readers");
        publish(draft);

        assertEquals(TranslationState.UP_TO_DATE, state(lesson, "ar"));
        assertEquals(TranslationState.UP_TO_DATE,
                readerLesson(api.get("/api/content?lang=ar", null).as(ContentPack.class), lesson).state());
    }

    @Test
    void aLessonWithoutArabicIsMissingAndReadersGetTheDutchText() {
        String lesson = lessonId("edit-workflow");

        assertEquals(TranslationState.MISSING, state(lesson, "ar"));
        Lesson read = readerLesson(api.get("/api/content?lang=ar", null).as(ContentPack.class), lesson);
        assertEquals("nl", read.language());
        assertEquals(TranslationState.MISSING, read.state());
        List<LessonStates> overview = api.get("/api/editor/lessons", editor).asListOf(LessonStates.class);
        assertEquals(TranslationState.MISSING, overview.stream().filter(row -> row.lessonId().equals(lesson))
                .findFirst().orElseThrow().states().get("ar"));
        LanguageCounts arabic = api.get("/api/editor/status", editor).asListOf(LanguageCounts.class).stream()
                .filter(row -> row.lang().equals("ar")).findFirst().orElseThrow();
        assertTrue(arabic.missing() > 0);
    }

    @Test
    void revisionHistoryIsAppendOnlyAndNewestFirst() {
        String lesson = lessonId("edit-workflow");
        Revision first = save(lesson, "en", "The market", "There is a market on Saturday.", false);
        Revision second = save(lesson, "en", "The market", "The market is on Saturday.", false);

        List<Revision> history = api.get("/api/editor/lessons/" + lesson + "/revisions/en", editor).asListOf(Revision.class);

        assertEquals(List.of(second.id(), first.id()), history.stream().map(Revision::id).toList());
        assertEquals("There is a market on Saturday.", history.get(1).sections().get(0).body());
        assertEquals(first.number() + 1, second.number());
        List<Revision> dutch = api.get("/api/editor/lessons/" + lesson + "/revisions/nl", editor).asListOf(Revision.class);
        assertEquals(1, dutch.get(dutch.size() - 1).number());
        assertEquals(RevisionStatus.PUBLISHED, dutch.get(dutch.size() - 1).status());
    }

    @Test
    void aRevisionMovesFromDraftThroughReviewToPublishedAndNeverBack() {
        String lesson = lessonId("edit-workflow");
        Revision draft = save(lesson, "fr", "Le marché", "Il y a un marché le samedi.", false);
        assertEquals(draft.sourceRevisionId(), api.get("/api/editor/lessons/" + lesson, editor).as(EditorLesson.class)
                .languages().stream().filter(v -> v.lang().equals("nl")).findFirst().orElseThrow().published().id());

        Revision inReview = api.post("/api/editor/revisions/" + draft.id() + "/submit", editor, "").as(Revision.class);
        assertEquals(RevisionStatus.IN_REVIEW, inReview.status());
        api.post("/api/editor/revisions/" + draft.id() + "/submit", editor, "").problem(409);
        Revision published = publish(inReview);
        assertEquals(RevisionStatus.PUBLISHED, published.status());
        assertTrue(published.publishedBy() != null && published.publishedAt() != null);
        assertEquals("invalid-transition", api.post("/api/editor/revisions/" + draft.id() + "/publish", editor, "")
                .problem(409).type().replace("https://welkom.example/problems/", ""));
        api.post("/api/editor/revisions/" + UUID.randomUUID() + "/publish", editor, "").problem(404);
    }

    @Test
    void invalidRevisionsAreRefusedWithProblems() {
        String lesson = lessonId("edit-workflow");
        api.post("/api/editor/lessons/" + lesson + "/revisions/ar", editor,
                new SaveRevision(" ", null, List.of(), false, false, null)).problem(400);
        api.post("/api/editor/lessons/" + lesson + "/revisions/ar", editor,
                new SaveRevision("x", null, List.of(new SectionText(sectionId("edit-minor", 1), null, "x")), false, false, null))
                .problem(400);
        api.post("/api/editor/lessons/" + lesson + "/revisions/nl", editor,
                new SaveRevision("x", null, List.of(), true, false, null)).problem(400);
        api.post("/api/editor/lessons/" + lesson + "/revisions/xx", editor,
                new SaveRevision("x", null, List.of(), false, false, null)).problem(404);
        api.post("/api/editor/lessons/" + lesson + "/revisions/ar", editor, "{not json").problem(400);
    }

    @Test
    void officersBuddiesAndStrangersCannotEdit() {
        api.get("/api/editor/lessons", api.login(Fixtures.OFFICER)).problem(403);
        api.get("/api/editor/lessons", api.login(Fixtures.BUDDY)).problem(403);
        api.get("/api/editor/xliff?lang=ar", api.login(Fixtures.OFFICER)).problem(403);
        api.get("/api/editor/lessons", null).problem(401);
        api.get("/api/editor/ui-strings", api.login(Fixtures.OFFICER)).problem(403);
        api.get("/api/editor/ui-strings", api.login(Fixtures.BUDDY)).problem(403);
        api.get("/api/editor/ui-strings", null).problem(401);
    }

    private Revision save(String lesson, String lang, String title, String body, boolean minor) {
        Api.Response response = api.post("/api/editor/lessons/" + lesson + "/revisions/" + lang, editor,
                new SaveRevision(title, null, List.of(new SectionText(firstSection(lesson), null, body)), false, minor, null));
        assertEquals(201, response.status(), response.body());
        Revision revision = response.as(Revision.class);
        assertEquals(RevisionStatus.DRAFT, revision.status());
        assertFalse(revision.machineDrafted());
        return revision;
    }

    private Revision publish(Revision revision) {
        Api.Response response = api.post("/api/editor/revisions/" + revision.id() + "/publish", editor, "");
        assertEquals(200, response.status(), response.body());
        return response.as(Revision.class);
    }

    private String firstSection(String lesson) {
        return api.get("/api/editor/lessons/" + lesson, editor).as(EditorLesson.class).sectionIds().get(0);
    }

    private TranslationState state(String lesson, String lang) {
        EditorLesson view = api.get("/api/editor/lessons/" + lesson, editor).as(EditorLesson.class);
        return view.languages().stream().filter(v -> v.lang().equals(lang)).map(LanguageVersion::state)
                .findFirst().orElseThrow();
    }

    static Lesson readerLesson(ContentPack pack, String lessonId) {
        return pack.topics().stream().flatMap(topic -> topic.lessons().stream())
                .filter(lesson -> lesson.id().equals(lessonId)).findFirst().orElseThrow();
    }

    static TestServer server() {
        return TestServer.get();
    }
}
