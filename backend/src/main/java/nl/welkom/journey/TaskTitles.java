package nl.welkom.journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;

/**
 * A task's titles (language code → title) as the one value of {@link TaskField#TITLE}: text lines
 * {@code <lang>:<title>}, Dutch first, then by language code ({@code "nl:Inschrijven in de BRP\nen:Register
 * in the BRP"}). That is the value the edit rule compares and a conflict keeps; an edit may name only
 * some languages, and a line with an empty title ({@code "en:"}) removes that language.
 *
 * <p>Merging an edit into the titles a task has ({@link #merged}): when the Dutch title stays, the
 * languages the edit names replace theirs and the others stay; when the Dutch title changes, the
 * other languages translated the old one and go, and the task has just the languages the edit names
 * (a phone then shows the Dutch or English title along its chain rather than a wrong translation).
 */
public final class TaskTitles {
    /** The source language: every task and template has a title in it. */
    public static final String DUTCH = "nl";
    /** Longest title, in characters (Unicode code points). */
    public static final int MAX_LENGTH = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Comparator<String> ORDER = Comparator.comparing((String lang) -> !DUTCH.equals(lang))
            .thenComparing(Comparator.naturalOrder());

    private TaskTitles() {
    }

    /** The field value for {@code titles}; blank titles are written as removals ({@code "en:"}). */
    public static String encode(Map<String, String> titles) {
        List<String> langs = new ArrayList<>(titles.keySet());
        langs.sort(ORDER);
        StringBuilder value = new StringBuilder();
        for (String lang : langs) {
            if (value.length() > 0) {
                value.append('\n');
            }
            String title = titles.get(lang);
            value.append(lang).append(':').append(title == null ? "" : title.strip());
        }
        return value.toString();
    }

    /** The titles in a field value, in its order; a removal reads as an empty title. Null or empty: none. */
    public static Map<String, String> decode(@Nullable String value) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (value == null || value.isEmpty()) {
            return titles;
        }
        for (String line : value.split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                titles.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return titles;
    }

    /** The Dutch title in a field value, or "" when it has none. */
    public static String dutch(@Nullable String value) {
        return decode(value).getOrDefault(DUTCH, "");
    }

    /** The titles after an edit naming {@code given} (see the class comment); never with empty titles. */
    static Map<String, String> merged(Map<String, String> current, Map<String, String> given) {
        Map<String, String> result = new LinkedHashMap<>();
        String newDutch = given.get(DUTCH);
        boolean dutchChanges = newDutch != null && !newDutch.strip().equals(current.getOrDefault(DUTCH, ""));
        if (!dutchChanges) {
            result.putAll(current);
        }
        given.forEach((lang, title) -> {
            if (title == null || title.isBlank()) {
                result.remove(lang);
            } else {
                result.put(lang, title.strip());
            }
        });
        Map<String, String> ordered = new LinkedHashMap<>();
        result.keySet().stream().sorted(ORDER).forEach(lang -> ordered.put(lang, result.get(lang)));
        return ordered;
    }

    /**
     * Why a title value may not be written, or empty when it may: each language a code of two or
     * three letters, each title at most {@value #MAX_LENGTH} characters without control characters,
     * the Dutch title, when named, not empty; at least one language.
     */
    static Optional<String> refusal(@Nullable String value) {
        Map<String, String> titles = decode(value);
        if (titles.isEmpty()) {
            return Optional.of("title must name at least the Dutch title (nl).");
        }
        if (value.split("\n", -1).length != titles.size()) {
            return Optional.of("title must be lines of <language>:<title>, each language once.");
        }
        for (Map.Entry<String, String> title : titles.entrySet()) {
            Optional<String> refusal = refusal(title.getKey(), title.getValue());
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Why one title may not be written (blank is allowed except in Dutch: it removes the language). */
    static Optional<String> refusal(String lang, @Nullable String title) {
        if (!LANGUAGE.matcher(lang).matches()) {
            return Optional.of("title language must be a code such as nl or en, not '" + shorten(lang) + "'.");
        }
        String text = title == null ? "" : title.strip();
        if (DUTCH.equals(lang) && text.isEmpty()) {
            return Optional.of("The Dutch title (nl) must not be empty.");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return Optional.of("title (" + lang + ") is longer than " + MAX_LENGTH + " characters.");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("title (" + lang + ") contains control characters.");
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        return text.length() > 10 ? text.substring(0, 10) + "…" : text;
    }
}
