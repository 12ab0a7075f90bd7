package nl.welkom.model.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of PO files on the class path — one template ({@code messages.pot}, English) and one
 * {@code <code>.po} per offered language, listed in order in a {@code languages} file — such as the
 * companion's strings in {@code /nl/welkom/i18n/companion/}. Missing or unreadable files are left
 * out (their readers fall back along the chain); only a missing template is an error.
 */
public final class Bundle {

    /** The companion's strings, shipped in this jar. */
    public static final String COMPANION = "/nl/welkom/i18n/companion/";

    private final Catalog template;
    private final Map<String, Catalog> languages;

    private Bundle(Catalog template, Map<String, Catalog> languages) {
        this.template = template;
        this.languages = Collections.unmodifiableMap(languages);
    }

    /**
     * Loads the bundle under {@code folder} (a class-path folder ending in {@code /}).
     *
     * @throws IllegalStateException when the folder has no readable {@code messages.pot}
     */
    public static Bundle load(String folder) {
        Catalog template = read(folder + "messages.pot");
        if (template == null) {
            throw new IllegalStateException("No messages.pot in " + folder);
        }
        Map<String, Catalog> languages = new LinkedHashMap<>();
        for (String code : codes(folder)) {
            Catalog c = read(folder + code + ".po");
            if (c != null) {
                languages.put(code, c);
            }
        }
        return new Bundle(template, languages);
    }

    /** The English source strings. */
    public Catalog template() {
        return template;
    }

    /** The offered languages' catalogs by code, in the order of the {@code languages} file. */
    public Map<String, Catalog> languages() {
        return languages;
    }

    /**
     * The strings for a reader with this chain, best first. Codes without a catalog are skipped;
     * a regional code ({@code fr-BE}) also finds its language's catalog ({@code fr}).
     */
    public Messages messages(List<String> chain) {
        List<Catalog> catalogs = new ArrayList<>();
        for (String code : chain) {
            Catalog c = catalogFor(code);
            if (c != null && !catalogs.contains(c)) {
                catalogs.add(c);
            }
        }
        return new Messages(template, catalogs);
    }

    /** The catalog for a code or its primary subtag; null when none is shipped. */
    public Catalog catalogFor(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim();
        Catalog exact = languages.get(c);
        if (exact != null) {
            return exact;
        }
        int dash = c.indexOf('-');
        return dash > 0 ? languages.get(c.substring(0, dash).toLowerCase(java.util.Locale.ROOT)) : null;
    }

    private static List<String> codes(String folder) {
        List<String> codes = new ArrayList<>();
        try (InputStream in = Bundle.class.getResourceAsStream(folder + "languages")) {
            if (in == null) {
                return codes;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String code = line.trim();
                if (!code.isEmpty() && !code.startsWith("#")) {
                    codes.add(code);
                }
            }
        } catch (IOException e) {
            return codes;
        }
        return codes;
    }

    private static Catalog read(String resource) {
        try (InputStream in = Bundle.class.getResourceAsStream(resource)) {
            return in == null ? null : Catalog.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }
}
