package nl.welkom.report;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Draws a grouped horizontal bar chart as inline SVG, for pages whose Content-Security-Policy allows
 * no script: no JavaScript, no external resources, presentation attributes instead of CSS.
 *
 * <p>Each row is a group: its label on a line of its own (long Dutch labels fit on a phone), then
 * one bar per series with its count written after the bar. Series differ in colour <em>and</em> in
 * fill pattern (solid, stripes, dots, cross-hatch), and the legend names them, so the chart does not
 * rely on colour alone; the colours have at least 4.5:1 contrast against white. The picture is a
 * {@code role="img"} labelled by its {@code <title>} and {@code <desc>}; the page shows the same
 * numbers as a table.
 *
 * <p>Every piece of text is XML-escaped, so the output is well-formed XML and safe to insert into a
 * page unescaped.
 */
final class BarChartSvg {
    /**
     * The drawing's width in user units: about a phone's width in CSS pixels, so that the text is
     * drawn near its nominal size there; the page lets it grow a little on a wide screen.
     */
    static final int WIDTH = 360;
    private static final int PAD = 8;
    private static final int FONT = 14;
    /** An estimate of the average glyph width at {@link #FONT}, for laying out the legend. */
    private static final double GLYPH = 7.8;
    private static final int LABEL = 20;
    private static final int BAR = 15;
    private static final int BAR_GAP = 3;
    private static final int GROUP_GAP = 12;
    /** The legend's colour squares. */
    static final int SWATCH = 13;
    /** Room after the longest bar for its count. */
    private static final int VALUE_ROOM = 60;
    /** The length of the longest bar. */
    static final int BAR_LENGTH = WIDTH - 2 * PAD - VALUE_ROOM;
    private static final String INK = "#1b1b1b";
    /** Blue, orange, red, green: each at least 4.5:1 against white. */
    private static final List<String> COLOURS = List.of("#0b4f8a", "#a04f00", "#a4161a", "#1d5b2c");

    /**
     * A chart to draw.
     *
     * @param id          unique on the page: prefixes the ids of the title, description and patterns
     * @param title       what the chart shows
     * @param description a sentence or two on what is counted
     * @param series      the series' names, in the legend's order
     * @param rows        the rows' labels
     * @param values      {@code values[row][series]}
     * @param locale      for writing the counts
     */
    record Chart(String id, String title, String description, List<String> series, List<String> rows,
                 long[][] values, Locale locale) {
    }

    private BarChartSvg() {
    }

    static String render(Chart chart) {
        String id = escape(chart.id());
        NumberFormat numbers = NumberFormat.getIntegerInstance(chart.locale());
        StringBuilder svg = new StringBuilder(4096);
        StringBuilder body = new StringBuilder(4096);

        // The legend, wrapped over as many lines as it needs.
        int x = PAD;
        int y = PAD;
        for (int s = 0; s < chart.series().size(); s++) {
            String name = chart.series().get(s);
            int itemWidth = SWATCH + 6 + (int) Math.ceil(name.length() * GLYPH) + 18;
            if (x > PAD && x + itemWidth > WIDTH - PAD) {
                x = PAD;
                y += SWATCH + 8;
            }
            body.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(SWATCH)
                    .append("\" height=\"").append(SWATCH).append('"').append(fill(id, s)).append("/>")
                    .append("<text x=\"").append(x + SWATCH + 6).append("\" y=\"").append(y + SWATCH - 2).append("\">")
                    .append(escape(name)).append("</text>");
            x += itemWidth;
        }
        y += SWATCH + 16;

        long max = 0;
        for (long[] row : chart.values()) {
            for (long value : row) {
                max = Math.max(max, value);
            }
        }
        for (int r = 0; r < chart.rows().size(); r++) {
            y += LABEL;
            body.append("<text x=\"").append(PAD).append("\" y=\"").append(y - 5).append("\" font-weight=\"600\">")
                    .append(escape(chart.rows().get(r))).append("</text>");
            int top = y;
            for (int s = 0; s < chart.series().size(); s++) {
                long value = chart.values()[r][s];
                int width = max == 0 || value == 0 ? 0 : (int) Math.max(2, Math.round((double) value / max * BAR_LENGTH));
                if (width > 0) {
                    body.append("<rect x=\"").append(PAD).append("\" y=\"").append(y).append("\" width=\"").append(width)
                            .append("\" height=\"").append(BAR).append('"').append(fill(id, s)).append("/>");
                }
                body.append("<text x=\"").append(PAD + width + 6).append("\" y=\"").append(y + BAR - 3).append("\">")
                        .append(escape(numbers.format(value))).append("</text>");
                y += BAR + BAR_GAP;
            }
            // The axis: where every bar of the group starts.
            body.append("<line x1=\"").append(PAD).append("\" x2=\"").append(PAD).append("\" y1=\"").append(top - 2)
                    .append("\" y2=\"").append(y - BAR_GAP + 2).append("\" stroke=\"").append(INK).append("\"/>");
            y += GROUP_GAP - BAR_GAP;
        }
        int height = y + PAD;

        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\"")
                .append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" font-size=\"")
                .append(FONT).append("\" fill=\"").append(INK).append("\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(chart.title())).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(chart.description())).append("</desc>")
                .append("<defs>");
        for (int s = 0; s < chart.series().size(); s++) {
            svg.append(pattern(id, s));
        }
        svg.append("</defs>").append(body).append("</svg>");
        return svg.toString();
    }

    private static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    /** The fill and outline of series {@code s}: solid for the first, a pattern for the others. */
    private static String fill(String id, int s) {
        String paint = s % 4 == 0 ? colour(s) : "url(#" + id + "-p" + s + ")";
        return " fill=\"" + paint + "\" stroke=\"" + colour(s) + "\" stroke-width=\"1.5\"";
    }

    /** Stripes, dots or cross-hatch in the series' colour on white; nothing for a solid series. */
    private static String pattern(String id, int s) {
        String colour = colour(s);
        String open = "<pattern id=\"" + id + "-p" + s + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"";
        return switch (s % 4) {
            case 1 -> open + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
                    + "<rect width=\"3\" height=\"6\" fill=\"" + colour + "\"/></pattern>";
            case 2 -> open + "><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
                    + "<circle cx=\"3\" cy=\"3\" r=\"1.8\" fill=\"" + colour + "\"/></pattern>";
            case 3 -> open + "><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
                    + "<path d=\"M0 0L6 6M6 0L0 6\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/></pattern>";
            default -> "";
        };
    }

    /** Text as XML character data or attribute value. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0; a label never needs them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
