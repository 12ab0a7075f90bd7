package nl.welkom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BarChartSvgTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\" \u0007";

    @Test
    void textFromAnywhereIsEscapedAndTheChartStaysWellFormedXml() throws Exception {
        String svg = BarChartSvg.render(new BarChartSvg.Chart("chart-test", HOSTILE, "Beschrijving " + HOSTILE,
                List.of(HOSTILE, "Personen"), List.of(HOSTILE, "maart 2026"), new long[][] {{3, 12}, {0, 0}},
                Locale.forLanguageTag("nl")));

        Document document = SvgCheck.parse(svg);
        assertFalse(svg.contains("<script"), svg);
        assertEquals(0, document.getElementsByTagNameNS(SVG_NS, "script").getLength());
        assertEquals("<script>alert('x')</script> & \"quoted\" ", text(document, "title").get(0),
                "the title reads as the text it was given, less the control character XML cannot hold");
        assertTrue(texts(document).contains("<script>alert('x')</script> & \"quoted\" "));
    }

    @Test
    void theChartIsAnImageLabelledByItsTitleAndDescription() throws Exception {
        Document document = SvgCheck.parse(chart(new long[][] {{6, 12}, {2, 6}}));
        Element root = document.getDocumentElement();

        assertEquals("img", root.getAttribute("role"));
        assertEquals("chart-arrivals-title chart-arrivals-desc", root.getAttribute("aria-labelledby"));
        assertEquals("Aankomsten per maand", text(document, "title").get(0));
        assertEquals("Huishoudens en personen per maand.", text(document, "desc").get(0));
    }

    @Test
    void everyCountIsWrittenBesideItsBarAndTheSeriesDifferInPatternNotOnlyInColour() throws Exception {
        Document document = SvgCheck.parse(chart(new long[][] {{1234, 0}, {2, 6}}));

        List<String> texts = texts(document);
        assertTrue(texts.containsAll(List.of("Huishoudens", "Personen", "maart 2026", "april 2026", "1.234", "0", "2", "6")),
                texts.toString());
        NodeList patterns = document.getElementsByTagNameNS(SVG_NS, "pattern");
        assertEquals(1, patterns.getLength(), "the second series is striped");
        assertEquals("chart-arrivals-p1", ((Element) patterns.item(0)).getAttribute("id"));
        // The longest bar spans the drawing width; a zero has no bar, only its count.
        List<Integer> widths = bars(document);
        assertEquals(3, widths.size(), "three bars for three counts above zero: " + widths);
        assertEquals(BarChartSvg.BAR_LENGTH, widths.get(0));
        assertTrue(widths.get(1) >= 2, "a small count still shows a bar");
    }

    @Test
    void anEmptyTableDrawsNoBars() throws Exception {
        Document document = SvgCheck.parse(chart(new long[][] {{0, 0}, {0, 0}}));

        assertEquals(List.of(), bars(document));
        assertTrue(texts(document).containsAll(List.of("Huishoudens", "Personen", "0")));
    }

    @Test
    void aMalformedChartIsRefusedByTheParserUsedInTheseTests() {
        assertThrows(Exception.class, () -> SvgCheck.parse("<svg><text>a < b</text></svg>"));
    }

    private static String chart(long[][] values) {
        return BarChartSvg.render(new BarChartSvg.Chart("chart-arrivals", "Aankomsten per maand",
                "Huishoudens en personen per maand.", List.of("Huishoudens", "Personen"),
                List.of("maart 2026", "april 2026"), values, Locale.forLanguageTag("nl")));
    }

    /** The widths of the bars: the rectangles drawn directly in the chart that are not legend swatches. */
    private static List<Integer> bars(Document document) {
        List<Integer> widths = new ArrayList<>();
        NodeList children = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element rect && rect.getLocalName().equals("rect")
                    && !rect.getAttribute("height").equals(String.valueOf(BarChartSvg.SWATCH))) {
                widths.add(Integer.parseInt(rect.getAttribute("width")));
            }
        }
        return widths;
    }

    private static List<String> text(Document document, String element) {
        List<String> found = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS(SVG_NS, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent());
        }
        return found;
    }

    private static List<String> texts(Document document) {
        return text(document, "text");
    }
}
