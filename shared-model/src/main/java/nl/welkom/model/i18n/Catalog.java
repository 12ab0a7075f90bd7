package nl.welkom.model.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.welkom.model.content.TextDirection;

/**
 * One gettext PO (or POT) file: the user-interface strings of one language, as translators' tools
 * (Weblate, Poedit, Crowdin) read and write them. Each string is keyed by its {@code msgctxt},
 * which names its meaning ({@code sync.failed.offline}); {@code msgid} is the English source
 * text; a {@code #, fuzzy} flag marks a translation that a machine drafted and no person has
 * reviewed. Placeholders are positional: {@code {0}}, {@code {1}}. Plural strings carry
 * {@code msgid_plural} and one {@code msgstr[i]} per form of the language's {@code Plural-Forms}.
 *
 * <p>Header fields beyond gettext's: {@code X-Language-Name} (the language's name in its own script,
 * shown on the language choice) and {@code X-Text-Direction} ({@code LTR} or {@code RTL}).
 *
 * <p>Reading never fails on content: an entry it cannot read is skipped and listed in
 * {@link #problems()}, so a damaged file costs only the strings it damaged (they fall back along
 * the reader's chain), never the screen.
 */
public final class Catalog {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

    private final String language;
    private final String nativeName;
    private final TextDirection direction;
    private final PluralRule pluralRule;
    private final Map<String, Entry> entries;
    private final List<String> problems;

    private Catalog(Map<String, String> headers, Map<String, Entry> entries, List<String> problems) {
        this.language = headers.get("Language");
        this.nativeName = headers.get("X-Language-Name");
        this.direction = "RTL".equalsIgnoreCase(headers.get("X-Text-Direction")) ? TextDirection.RTL : TextDirection.LTR;
        this.pluralRule = PluralRule.parse(headers.get("Plural-Forms"));
        this.entries = Collections.unmodifiableMap(entries);
        this.problems = Collections.unmodifiableList(problems);
    }

    /** One string: its key, the English source, and this file's translation. */
    public static final class Entry {
        private final String key;
        private final String source;
        private final String sourcePlural;
        private final List<String> translations;
        private final boolean fuzzy;

        Entry(String key, String source, String sourcePlural, List<String> translations, boolean fuzzy) {
            this.key = key;
            this.source = source;
            this.sourcePlural = sourcePlural;
            this.translations = Collections.unmodifiableList(translations);
            this.fuzzy = fuzzy;
        }

        /** The {@code msgctxt}: what the string means, e.g. {@code home.pending}. */
        public String key() {
            return key;
        }

        /** The English source text ({@code msgid}). */
        public String source() {
            return source;
        }

        /** The English plural source ({@code msgid_plural}), or null for a string without plural forms. */
        public String sourcePlural() {
            return sourcePlural;
        }

        public boolean isPlural() {
            return sourcePlural != null;
        }

        /** {@code msgstr}, or {@code msgstr[0..n]} for a plural string; empty strings where untranslated. */
        public List<String> translations() {
            return translations;
        }

        /** Whether the translation is marked {@code fuzzy}: drafted by a machine, not reviewed. */
        public boolean fuzzy() {
            return fuzzy;
        }

        /** Whether every form has text and a plural string has as many forms as {@code forms}. */
        public boolean translated(int forms) {
            return translated() && (!isPlural() || translations.size() >= forms);
        }

        /** Whether every form has text. */
        public boolean translated() {
            if (translations.isEmpty()) {
                return false;
            }
            for (String t : translations) {
                if (t.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The language code of the {@code Language} header, or null for a template. */
    public String language() {
        return language;
    }

    /** The language's name in its own script ({@code X-Language-Name}), or null. */
    public String nativeName() {
        return nativeName;
    }

    /** Writing direction ({@code X-Text-Direction}); LTR when not given. */
    public TextDirection direction() {
        return direction;
    }

    public PluralRule pluralRule() {
        return pluralRule;
    }

    /** Entries by key, in file order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** Entries that could not be read, one line each (the line number and why). Empty for a sound file. */
    public List<String> problems() {
        return problems;
    }

    /** The placeholder numbers a text uses, e.g. {0, 1} for "{0} of {1}". */
    public static Set<Integer> placeholders(String text) {
        Set<Integer> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(Integer.valueOf(m.group(1)));
        }
        return found;
    }

    /** Reads a PO or POT file. Only an I/O failure throws; a malformed entry is skipped and reported. */
    public static Catalog read(Reader source) throws IOException {
        BufferedReader in = source instanceof BufferedReader ? (BufferedReader) source : new BufferedReader(source);
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Builder current = new Builder();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                current = finish(current, headers, entries, problems);
                continue;
            }
            if (trimmed.startsWith("#")) {
                if (current.hasStarted()) {
                    current = finish(current, headers, entries, problems);
                }
                if (trimmed.startsWith("#,") && trimmed.contains("fuzzy")) {
                    current.fuzzy = true;
                }
                if (current.line == 0) {
                    current.line = number;
                }
                continue;
            }
            if (current.startsAnother(trimmed)) {
                // No blank line between two entries: the keyword of a new one ends the old one.
                current = finish(current, headers, entries, problems);
            }
            try {
                current.accept(trimmed, number);
            } catch (IllegalArgumentException e) {
                problems.add("line " + number + ": " + e.getMessage());
                current.broken = true;
            }
        }
        finish(current, headers, entries, problems);
        return new Catalog(headers, entries, problems);
    }

    private static Builder finish(Builder b, Map<String, String> headers, Map<String, Entry> entries,
                                  List<String> problems) {
        if (!b.hasStarted()) {
            Builder next = new Builder();
            next.fuzzy = b.fuzzy;
            next.line = b.line;
            return next;
        }
        if (b.broken) {
            return new Builder();
        }
        if (b.msgid == null) {
            problems.add("line " + b.line + ": an entry without msgid");
            return new Builder();
        }
        if (b.msgid.isEmpty() && b.msgctxt == null) {
            String header = b.msgstr.isEmpty() ? "" : b.msgstr.get(0);
            for (String h : header.split("\n")) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
            }
            return new Builder();
        }
        String key = b.msgctxt != null ? b.msgctxt : b.msgid;
        if (entries.containsKey(key)) {
            problems.add("line " + b.line + ": the key " + key + " appears twice; the first is kept");
            return new Builder();
        }
        entries.put(key, new Entry(key, b.msgid, b.msgidPlural, b.msgstr, b.fuzzy));
        return new Builder();
    }

    /** Collects the keyword lines of one entry. */
    private static final class Builder {
        String msgctxt;
        String msgid;
        String msgidPlural;
        final List<String> msgstr = new ArrayList<>();
        boolean fuzzy;
        boolean broken;
        int line;
        /** Which field a continuation line ({@code "…"}) extends: 'c', 'i', 'p', or 's' with {@link #index}. */
        char field;
        int index;

        boolean hasStarted() {
            return field != 0 || broken;
        }

        /** Whether this line opens a new entry while this one already has its own text. */
        boolean startsAnother(String trimmed) {
            boolean opensEntry = trimmed.startsWith("msgctxt ") || trimmed.startsWith("msgid ");
            return opensEntry && (msgid != null && (field == 's' || trimmed.startsWith("msgctxt ")
                    || trimmed.startsWith("msgid ")));
        }

        void accept(String trimmed, int number) {
            if (line == 0) {
                line = number;
            }
            if (trimmed.startsWith("\"")) {
                if (field == 0) {
                    throw new IllegalArgumentException("a string with no keyword before it");
                }
                append(unquote(trimmed));
                return;
            }
            int space = trimmed.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("a keyword without a string");
            }
            String keyword = trimmed.substring(0, space);
            String value = unquote(trimmed.substring(space + 1).trim());
            if (keyword.equals("msgctxt")) {
                field = 'c';
                msgctxt = value;
            } else if (keyword.equals("msgid")) {
                field = 'i';
                msgid = value;
            } else if (keyword.equals("msgid_plural")) {
                field = 'p';
                msgidPlural = value;
            } else if (keyword.equals("msgstr")) {
                field = 's';
                index = 0;
                set(0, value);
            } else if (keyword.startsWith("msgstr[") && keyword.endsWith("]")) {
                field = 's';
                try {
                    index = Integer.parseInt(keyword.substring(7, keyword.length() - 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a plural index that is not a number: " + keyword);
                }
                if (index < 0 || index > 9) {
                    throw new IllegalArgumentException("a plural index out of range: " + keyword);
                }
                set(index, value);
            } else {
                throw new IllegalArgumentException("an unknown keyword: " + keyword);
            }
        }

        private void set(int i, String value) {
            while (msgstr.size() <= i) {
                msgstr.add("");
            }
            msgstr.set(i, value);
        }

        private void append(String more) {
            switch (field) {
                case 'c':
                    msgctxt += more;
                    break;
                case 'i':
                    msgid += more;
                    break;
                case 'p':
                    msgidPlural += more;
                    break;
                default:
                    set(index, msgstr.get(index) + more);
            }
        }
    }

    /** A C-style quoted string: {@code "…"} with {@code \" \\ \n \t} escapes. */
    static String unquote(String quoted) {
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            throw new IllegalArgumentException("a string that is not in double quotes: " + quoted);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '"') {
                throw new IllegalArgumentException("an unescaped quote inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= quoted.length() - 1) {
                throw new IllegalArgumentException("a string that ends in a backslash");
            }
            char e = quoted.charAt(i);
            switch (e) {
                case 'n':
                    out.append('\n');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case '"':
                case '\\':
                    out.append(e);
                    break;
                default:
                    throw new IllegalArgumentException("an unknown escape \\" + e);
            }
        }
        return out.toString();
    }
}
