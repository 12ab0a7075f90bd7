package nl.welkom.editor;

import static nl.welkom.editor.EditorApiTest.lessonId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import nl.welkom.Api;
import nl.welkom.Fixtures;
import nl.welkom.TestServer;
import nl.welkom.editor.EditorModel.ImportReport;
import nl.welkom.editor.EditorModel.Revision;
import nl.welkom.editor.EditorModel.RevisionStatus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XliffApiTest {
    private static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";
    private final Api api = new Api();
    private final String editor = api.login(Fixtures.EDITOR);

    @Test
    void theTodoExportHoldsOnlyMissingAndOutdatedLessonsWithTheirBaseRevisions() {
        Api.Response response = api.get("/api/editor/xliff?lang=ar&scope=todo", editor);
        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/xliff+xml"));
        Document document = XliffExchange.parse(response.body());
        Element root = document.getDocumentElement();
        assertEquals(XLIFF, root.getNamespaceURI());
        assertEquals("2.0", root.getAttribute("version"));
        assertEquals("nl", root.getAttribute("srcLang"));
        assertEquals("ar", root.getAttribute("trgLang"));

        List<String> files = fileIds(document);
        assertTrue(files.contains(lessonId("edit-xliff-fresh")), "missing in Arabic");
        assertFalse(files.contains(lessonId("edit-minor")), "up to date");
        assertFalse(files.contains(lessonId("test-airport")), "machine-drafted is not todo");
        Element unit = unit(document, lessonId("edit-xliff-fresh"), "title");
        String nlRevision = "rev1:" + java.util.UUID.nameUUIDFromBytes(("translation:" + lessonId("edit-xliff-fresh") + ":nl")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(nlRevision, unit.getAttributeNS(XliffExchange.NS, "baseSource"));
        assertEquals("", unit.getAttributeNS(XliffExchange.NS, "baseTarget"));
        assertEquals("De trein", unit.getElementsByTagNameNS(XLIFF, "source").item(0).getTextContent());

        Document all = XliffExchange.parse(api.get("/api/editor/xliff?lang=ar&scope=all", editor).body());
        assertTrue(fileIds(all).contains(lessonId("test-airport")));
    }

    @Test
    void aFreshImportWritesADraftAndReimportingTheSameFileIsReportedStaleAndNotWritten() {
        String lesson = lessonId("edit-xliff-stale");
        String exported = api.get("/api/editor/xliff?lang=ar&scope=all", editor).body();
        String translated = fillTargets(exported, lesson);

        ImportReport first = importXliff(translated);
        assertEquals(1, first.imported().stream().filter(i -> i.lessonId().equals(lesson)).count(), first.toString());
        List<Revision> history = api.get("/api/editor/lessons/" + lesson + "/revisions/ar", editor).asListOf(Revision.class);
        assertEquals(RevisionStatus.DRAFT, history.get(0).status());
        assertEquals("ترجمة title", history.get(0).title());
        assertEquals(2, history.size());

        ImportReport again = importXliff(translated);
        assertTrue(again.imported().stream().noneMatch(i -> i.lessonId().equals(lesson)), again.toString());
        EditorModel.Stale stale = again.stale().stream().filter(s -> s.lessonId().equals(lesson)).findFirst().orElseThrow();
        assertEquals(history.get(1).id(), stale.baseTargetRevisionId());
        assertEquals(history.get(0).id(), stale.currentTargetRevisionId());
        assertEquals(2, api.get("/api/editor/lessons/" + lesson + "/revisions/ar", editor).asListOf(Revision.class).size());
    }

    @Test
    void anImportForALessonWithoutTranslationWritesItsFirstDraft() {
        String lesson = lessonId("edit-xliff-fresh");
        String exported = api.get("/api/editor/xliff?lang=so&scope=todo", editor).body();

        ImportReport report = importXliff(fillTargets(exported, lesson));

        assertEquals(1, report.imported().stream().filter(i -> i.lessonId().equals(lesson)).count(), report.toString());
        Revision draft = api.get("/api/editor/lessons/" + lesson + "/revisions/so", editor).asListOf(Revision.class).get(0);
        assertEquals(1, draft.number());
        assertEquals(RevisionStatus.DRAFT, draft.status());
        assertEquals("ترجمة title", draft.title());
        assertEquals(1, draft.sections().size());
    }

    @Test
    void malformedXmlAndExternalEntitiesAreRefusedWith400() {
        importResponse("<xliff").problem(400);
        importResponse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xliff xmlns=\"" + XLIFF + "\" version=\"2.0\" srcLang=\"nl\" trgLang=\"ar\"><file id=\"f\">&xxe;</file></xliff>")
                .problem(400);
        importResponse("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>").problem(400);
        importResponse("<xliff xmlns=\"" + XLIFF + "\" version=\"2.0\" srcLang=\"nl\" trgLang=\"xx\"/>").problem(400);
        api.get("/api/editor/xliff?lang=nl", editor).problem(400);
    }

    @Test
    void aFileWithoutBaseRevisionsIsRejectedAndReported() {
        ImportReport report = importXliff("<xliff xmlns=\"" + XLIFF + "\" version=\"2.0\" srcLang=\"nl\" trgLang=\"ar\">"
                + "<file id=\"f1\"><unit id=\"title\"><segment><source>a</source><target>b</target></segment></unit></file></xliff>");
        assertEquals(1, report.rejected().size());
        assertEquals("f1", report.rejected().get(0).fileId());
    }

    /** Puts a target into every unit of the lesson's file ("ترجمة " + unit id). */
    private static String fillTargets(String exported, String lessonId) {
        int start = exported.indexOf("<file id=\"" + lessonId + "\">");
        int end = exported.indexOf("</file>", start) + "</file>".length();
        String file = exported.substring(start, end).replaceAll("\\s*<target>[^<]*</target>", "");
        StringBuilder filled = new StringBuilder();
        int at = 0;
        java.util.regex.Matcher units = java.util.regex.Pattern.compile("<unit id=\"([^\"]+)\"").matcher(file);
        while (units.find()) {
            int sourceEnd = file.indexOf("</source>", units.end()) + "</source>".length();
            filled.append(file, at, sourceEnd).append("<target>ترجمة ").append(units.group(1)).append("</target>");
            at = sourceEnd;
        }
        filled.append(file.substring(at));
        int headerEnd = exported.indexOf("<file ");
        return exported.substring(0, headerEnd) + filled + "\n</xliff>\n";
    }

    private ImportReport importXliff(String document) {
        Api.Response response = importResponse(document);
        assertEquals(200, response.status(), response.body());
        return response.as(ImportReport.class);
    }

    private Api.Response importResponse(String document) {
        return api.send("POST", "/api/editor/xliff", editor, document, "Content-Type", "application/xliff+xml");
    }

    private static List<String> fileIds(Document document) {
        NodeList files = document.getElementsByTagNameNS(XLIFF, "file");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < files.getLength(); i++) {
            ids.add(((Element) files.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static Element unit(Document document, String fileId, String unitId) {
        NodeList units = document.getElementsByTagNameNS(XLIFF, "unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            if (unit.getAttribute("id").equals(unitId) && ((Element) unit.getParentNode()).getAttribute("id").equals(fileId)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + unitId + " in " + fileId);
    }

    static TestServer server() {
        return TestServer.get();
    }
}
