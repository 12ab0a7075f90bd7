package nl.welkom.client.cli;

import java.util.regex.Pattern;

/**
 * Lesson Markdown (CommonMark) as plain terminal text: headings lose their {@code #}, list items
 * become "• ", emphasis markers go, a link shows its text with the address after it. Raw HTML is
 * never interpreted (it stays visible as text). Good enough for a terminal, not a renderer.
 */
final class Markdown {
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS_STAR = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern EMPHASIS_UNDERSCORE = Pattern.compile("(?<![\\w_])_(?=\\S)([^_\\n]+?)(?<=\\S)_(?![\\w_])");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)");

    private Markdown() {
    }

    static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            java.util.regex.Matcher heading = HEADING.matcher(line);
            java.util.regex.Matcher bullet = BULLET.matcher(line);
            if (heading.matches()) {
                line = heading.group(1);
            } else if (bullet.matches()) {
                line = bullet.group(1) + "• " + bullet.group(2);
            }
            line = inline(line);
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String inline(String text) {
        String result = LINK.matcher(text).replaceAll("$1 ($2)");
        result = STRONG.matcher(result).replaceAll("$2");
        result = EMPHASIS_STAR.matcher(result).replaceAll("$1");
        return EMPHASIS_UNDERSCORE.matcher(result).replaceAll("$1");
    }
}
