package nl.welkom.editor;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.editor.EditorModel.ImportReport;
import nl.welkom.editor.EditorModel.Imported;
import nl.welkom.editor.EditorModel.Rejected;
import nl.welkom.editor.EditorModel.Revision;
import nl.welkom.editor.EditorModel.SectionText;
import nl.welkom.editor.EditorModel.Stale;
import nl.welkom.editor.LessonRevisions.LessonRef;
import nl.welkom.model.content.TranslationState;
import nl.welkom.problem.ProblemException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Translation exchange in XLIFF 2.0 (OASIS, core only), the format CAT tools read.
 *
 * <p>One {@code <file>} per lesson ({@code id} = lesson id); one {@code <unit>} per field:
 * {@code title}, {@code summary}, {@code h-<sectionId>} (heading), {@code b-<sectionId>} (body),
 * each with one segment. XLIFF 2.0 allows attributes from other namespaces on {@code <unit>}; every
 * unit carries, in the {@value #NS} namespace, {@code w:lesson}, {@code w:baseSource} (the
 * published Dutch revision exported) and {@code w:baseTarget} (the newest revision in the target
 * language, any status; empty when there was none).
 *
 * <p>Import writes a lesson's units as one new DRAFT revision only if both base revisions are still
 * current (no newer Dutch publication, no newer translation work, draft or not); otherwise the
 * lesson is reported stale and nothing is written. Fields without a target keep the text of the
 * base translation. Imported text counts as a person's translation ({@code machineDrafted=false});
 * it goes live only when an editor publishes it.
 *
 * <p>Parsing refuses DOCTYPEs: no external entities, no entity expansion, no XInclude (XXE).
 */
@Singleton
class XliffExchange {
    static final String MEDIA_TYPE = "application/xliff+xml";
    static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";
    static final String NS = "https://welkom.example/xliff/1";

    private final ContentEditing editing;
    private final LessonRevisions revisions;

    XliffExchange(ContentEditing editing, LessonRevisions revisions) {
        this.editing = editing;
        this.revisions = revisions;
    }

    /** The lessons to translate into {@code lang}: missing or outdated ones, or all with {@code all}. */
    String export(String lang, boolean all) {
        editing.checkLanguage(lang);
        if (lang.equals(TranslationStates.SOURCE)) {
            throw ProblemException.badRequest("lang must be a target language, not the Dutch source.");
        }
        Map<String, List<Revision>> byLesson = revisions.allByLesson();
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<xliff xmlns=\"").append(XLIFF).append("\" xmlns:w=\"").append(NS)
                .append("\" version=\"2.0\" srcLang=\"nl\" trgLang=\"").append(escape(lang)).append("\">\n");
        for (LessonRef lesson : revisions.lessons()) {
            List<Revision> lessonRevisions = byLesson.getOrDefault(lesson.id(), List.of());
            TranslationState state = TranslationStates.of(lessonRevisions, lang);
            Optional<Revision> source = TranslationStates.published(lessonRevisions, TranslationStates.SOURCE);
            if (source.isEmpty() || (!all && state != TranslationState.MISSING && state != TranslationState.OUTDATED)) {
                continue;
            }
            Revision sourceText = revisions.withSections(source.get());
            Optional<Revision> target = TranslationStates.latest(lessonRevisions, lang).map(revisions::withSections);
            String attributes = " w:lesson=\"" + lesson.id() + "\" w:baseSource=\"" + sourceText.id()
                    + "\" w:baseTarget=\"" + target.map(Revision::id).orElse("") + "\"";
            xml.append("  <file id=\"").append(lesson.id()).append("\">\n")
                    .append("    <notes><note category=\"welkom\">").append(escape(lesson.topicSlug() + "/" + lesson.slug()))
                    .append(" · ").append(state).append("</note></notes>\n");
            unit(xml, "title", attributes, sourceText.title(), target.map(Revision::title).orElse(null));
            if (sourceText.summary() != null) {
                unit(xml, "summary", attributes, sourceText.summary(), target.map(Revision::summary).orElse(null));
            }
            Map<String, SectionText> targetSections = new HashMap<>();
            target.ifPresent(t -> t.sections().forEach(s -> targetSections.put(s.sectionId(), s)));
            for (SectionText section : sourceText.sections()) {
                SectionText translated = targetSections.get(section.sectionId());
                if (section.heading() != null) {
                    unit(xml, "h-" + section.sectionId(), attributes, section.heading(),
                            translated == null ? null : translated.heading());
                }
                unit(xml, "b-" + section.sectionId(), attributes, section.body(), translated == null ? null : translated.body());
            }
            xml.append("  </file>\n");
        }
        return xml.append("</xliff>\n").toString();
    }

    private static void unit(StringBuilder xml, String id, String attributes, String source, @Nullable String target) {
        xml.append("    <unit id=\"").append(id).append('"').append(attributes).append(">\n")
                .append("      <segment state=\"").append(target == null ? "initial" : "translated").append("\">\n")
                .append("        <source>").append(escape(source)).append("</source>\n");
        if (target != null) {
            xml.append("        <target>").append(escape(target)).append("</target>\n");
        }
        xml.append("      </segment>\n    </unit>\n");
    }

    /**
     * Imports a translated file.
     *
     * @throws ProblemException 400 for XML that is malformed, has a DOCTYPE, or is not XLIFF 2.0 from Dutch
     */
    ImportReport importDocument(String document, String userId) {
        Element root = parse(document).getDocumentElement();
        if (!XLIFF.equals(root.getNamespaceURI()) || !"xliff".equals(root.getLocalName())
                || !"2.0".equals(root.getAttribute("version"))) {
            throw ProblemException.badRequest("Not an XLIFF 2.0 document.");
        }
        if (!TranslationStates.SOURCE.equals(root.getAttribute("srcLang"))) {
            throw ProblemException.badRequest("srcLang must be nl.");
        }
        String lang = root.getAttribute("trgLang");
        if (!editing.languageCodes().contains(lang) || lang.equals(TranslationStates.SOURCE)) {
            throw ProblemException.badRequest("trgLang must be a language Welkom offers, other than nl.");
        }
        List<Imported> imported = new ArrayList<>();
        List<Stale> stale = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Element file : children(root, "file")) {
            String fileId = file.getAttribute("id");
            try {
                importFile(file, lang, userId, imported, stale);
            } catch (ProblemException e) {
                rejected.add(new Rejected(fileId, e.problem().detail()));
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(fileId, e.getMessage()));
            }
        }
        return new ImportReport(lang, imported, stale, rejected);
    }

    private void importFile(Element file, String lang, String userId, List<Imported> imported, List<Stale> stale) {
        String lessonId = null;
        String baseSource = null;
        String baseTarget = null;
        Map<String, String> targets = new LinkedHashMap<>();
        for (Element unit : children(file, "unit")) {
            String unitLesson = unit.getAttributeNS(NS, "lesson");
            String unitSource = unit.getAttributeNS(NS, "baseSource");
            String unitTarget = unit.getAttributeNS(NS, "baseTarget");
            if (unitLesson.isEmpty() || unitSource.isEmpty() || !unit.hasAttributeNS(NS, "baseTarget")) {
                throw new IllegalArgumentException("unit " + unit.getAttribute("id") + " lacks w:lesson, w:baseSource or w:baseTarget");
            }
            if (lessonId == null) {
                lessonId = unitLesson;
                baseSource = unitSource;
                baseTarget = unitTarget;
            } else if (!lessonId.equals(unitLesson) || !baseSource.equals(unitSource) || !baseTarget.equals(unitTarget)) {
                throw new IllegalArgumentException("units of one file name different base revisions");
            }
            StringBuilder text = new StringBuilder();
            boolean any = false;
            for (Element segment : children(unit, "segment")) {
                for (Element target : children(segment, "target")) {
                    text.append(target.getTextContent());
                    any = true;
                }
            }
            if (any && !text.toString().isBlank()) {
                targets.put(unit.getAttribute("id"), text.toString());
            }
        }
        if (lessonId == null) {
            throw new IllegalArgumentException("no units");
        }
        String lesson = lessonId;
        revisions.lesson(lesson).orElseThrow(() -> new IllegalArgumentException("unknown lesson"));
        List<Revision> existing = revisions.ofLesson(lesson);
        String expectedTarget = baseTarget;
        Optional<Revision> baseRevision = existing.stream()
                .filter(r -> r.lang().equals(lang) && r.id().equals(expectedTarget)).findFirst().map(revisions::withSections);
        String title = targets.getOrDefault("title", baseRevision.map(Revision::title).orElse(null));
        if (title == null) {
            throw new IllegalArgumentException("no target for the title");
        }
        String summary = targets.getOrDefault("summary", baseRevision.map(Revision::summary).orElse(null));
        Map<String, SectionText> sections = new LinkedHashMap<>();
        baseRevision.ifPresent(r -> r.sections().forEach(s -> sections.put(s.sectionId(), s)));
        for (String sectionId : revisions.sectionIds(lesson)) {
            SectionText old = sections.get(sectionId);
            String heading = targets.getOrDefault("h-" + sectionId, old == null ? null : old.heading());
            String body = targets.getOrDefault("b-" + sectionId, old == null ? null : old.body());
            if (body != null) {
                sections.put(sectionId, new SectionText(sectionId, heading, body));
            }
        }
        List<SectionText> valid = editing.validSections(lesson, new ArrayList<>(sections.values()));
        Optional<Revision> written = revisions.append(lesson, lang, title.trim(), ContentEditing.blankToNull(summary), valid,
                false, false, baseSource, userId, baseTarget, baseSource);
        if (written.isPresent()) {
            imported.add(new Imported(lesson, written.get().id()));
        } else {
            List<Revision> now = revisions.ofLesson(lesson);
            stale.add(new Stale(lesson, baseSource,
                    TranslationStates.published(now, TranslationStates.SOURCE).map(Revision::id).orElse(null),
                    baseTarget.isEmpty() ? null : baseTarget,
                    TranslationStates.latest(now, lang).map(Revision::id).orElse(null)));
        }
    }

    /** A namespace-aware DOM parser that refuses DOCTYPEs, so no entity of any kind is resolved. */
    static Document parse(String document) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(document)));
        } catch (SAXException e) {
            throw ProblemException.badRequest("The document is not well-formed XML or has a DOCTYPE (not allowed).");
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("Cannot configure the XML parser", e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && XLIFF.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                elements.add(element);
            }
        }
        return elements;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
