package nl.welkom.model.i18n;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The strings a reader sees, looked up along their language chain: the first catalog in the chain
 * that has the string translated gives it, machine-drafted ({@code fuzzy}) translations included —
 * for someone who reads no English, a drafted sentence in their language is better than a reviewed
 * one in ours (unlike gettext's default, which skips fuzzy entries). When no catalog of the chain has
 * it, the English source text from the template is shown; never a raw key while the template has the
 * key (a build check makes sure every key used in code is in the template).
 */
public final class Messages {

    private final Catalog template;
    private final List<Catalog> chain;

    /**
     * @param template the source catalog (POT): every key with its English text
     * @param chain    the reader's catalogs, best first; languages without a catalog are simply left out
     */
    public Messages(Catalog template, List<Catalog> chain) {
        this.template = Objects.requireNonNull(template, "template");
        this.chain = Collections.unmodifiableList(new ArrayList<>(chain));
    }

    /** The catalogs this reader's strings come from, best first. */
    public List<Catalog> chain() {
        return chain;
    }

    /** The first catalog of the chain, or null when the reader gets English source text. */
    public Catalog primary() {
        return chain.isEmpty() ? null : chain.get(0);
    }

    /** Whether the template has this key. */
    public boolean has(String key) {
        return template.entries().containsKey(key);
    }

    /**
     * The text for {@code key} with {@code {0}}, {@code {1}}… replaced by the arguments. An unknown key
     * gives the key itself (only code that the build check missed can ask for one).
     */
    public String text(String key, Object... args) {
        for (Catalog c : chain) {
            Catalog.Entry e = c.entries().get(key);
            if (e != null && !e.isPlural() && e.translated()) {
                return format(e.translations().get(0), args);
            }
        }
        Catalog.Entry source = template.entries().get(key);
        return format(source == null ? key : source.source(), args);
    }

    /**
     * The plural text for {@code key} and count {@code n}, in the form the language's
     * {@code Plural-Forms} rule picks; {@code {0}} is usually the count itself, passed in {@code args}.
     */
    public String plural(String key, long n, Object... args) {
        for (Catalog c : chain) {
            Catalog.Entry e = c.entries().get(key);
            if (e != null && e.isPlural() && e.translated(c.pluralRule().count())) {
                int form = c.pluralRule().formFor(n);
                if (form < e.translations().size()) {
                    return format(e.translations().get(form), args);
                }
            }
        }
        Catalog.Entry source = template.entries().get(key);
        if (source == null) {
            return format(key, args);
        }
        String english = n == 1 || source.sourcePlural() == null ? source.source() : source.sourcePlural();
        return format(english, args);
    }

    /** Replaces {@code {i}} with {@code args[i]}; a placeholder without an argument stays as written. */
    static String format(String text, Object... args) {
        if (args == null || args.length == 0 || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1) {
                String inside = text.substring(i + 1, close);
                int index = digitsOnly(inside) ? Integer.parseInt(inside) : -1;
                if (index >= 0 && index < args.length) {
                    out.append(String.valueOf(args[index]));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean digitsOnly(String s) {
        if (s.isEmpty() || s.length() > 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
