package nl.welkom.client.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Text output for a plain terminal: word wrapping by display width, right-to-left lines wrapped in
 * Unicode isolates (RLI … PDI) and right-aligned so a bidi-capable terminal shows them correctly,
 * and removal of control characters from server text (no escape sequences reach the terminal).
 */
final class Terminal {

    static final char RLI = '\u2067';
    static final char FSI = '\u2068';
    static final char PDI = '\u2069';

    private final PrintStream out;
    private final int width;

    Terminal(PrintStream out, int width) {
        this.out = out;
        this.width = width;
    }

    int width() {
        return width;
    }

    /** A left-to-right line, as is. */
    void line(String text) {
        out.println(text);
    }

    void blank() {
        out.println();
    }

    /** A prompt without a line break. */
    void prompt(String text) {
        out.print(text);
        out.flush();
    }

    /** Redraws the current line (progress bars). */
    void overwrite(String text) {
        out.print('\r' + padRight(text, width - 1));
        out.flush();
    }

    /** One line in the given direction: right-to-left lines are isolated and right-aligned. */
    void line(String text, boolean rtl) {
        out.println(rtl ? rtlLine(text, width) : text);
    }

    /** Wraps a paragraph to the terminal width (minus {@code indent}) and prints it in the given direction. */
    void paragraph(String text, boolean rtl, String indent) {
        for (String line : wrap(text, width - indent.length())) {
            if (line.isEmpty()) {
                out.println();
            } else {
                out.println(rtl ? rtlLine(line, width) : indent + line);
            }
        }
    }

    /** {@code text} right-aligned to {@code width} columns inside RLI … PDI. */
    static String rtlLine(String text, int width) {
        return spaces(width - displayWidth(text)) + RLI + text + PDI;
    }

    /** Text of another direction inside a line: first-strong isolate, so it cannot reorder its neighbours. */
    static String isolate(String text) {
        return FSI + text + PDI;
    }

    /** Columns a string takes: code points, minus combining marks and format characters. */
    static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.FORMAT) {
                width++;
            }
            i += Character.charCount(cp);
        }
        return width;
    }

    /** Greedy word wrap; words longer than the width are cut. Blank lines are kept. */
    static List<String> wrap(String text, int width) {
        int max = Math.max(10, width);
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                while (displayWidth(word) > max) {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    int cut = word.offsetByCodePoints(0, max);
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                if (line.length() > 0 && displayWidth(line.toString()) + 1 + displayWidth(word) > max) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        // A trailing newline in the source makes an empty last line: drop it.
        while (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return Collections.unmodifiableList(lines);
    }

    /**
     * Text from the server made safe to print: C0/C1 control characters (escape sequences) and
     * explicit bidi embeddings, overrides and isolates are removed (this class adds its own);
     * tabs become spaces, line breaks stay.
     */
    static String sanitize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append(c);
            } else if (c == '\t') {
                sb.append(' ');
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                continue;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String spaces(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static String padRight(String s, int width) {
        return s + spaces(width - displayWidth(s));
    }
}
