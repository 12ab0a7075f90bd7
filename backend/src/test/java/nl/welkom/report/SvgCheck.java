package nl.welkom.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Finds the inline SVG charts of a page and parses them as XML, DOCTYPEs refused, for the tests. */
final class SvgCheck {
    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

    private SvgCheck() {
    }

    /** Every {@code <svg>…</svg>} in {@code html}, in page order. */
    static List<String> svgs(String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = SVG.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** The SVG as an XML document; throws when it is not well-formed. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(svg)));
    }
}
