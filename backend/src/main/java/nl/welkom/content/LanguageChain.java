package nl.welkom.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;

/**
 * The languages a reader asked for, in order, narrowed to those Welkom offers, with Dutch (the
 * source) always last. Requests come as {@code lang=ar,en} or an {@code Accept-Language} header;
 * a regional tag falls back to its language ({@code ar-SY} → {@code ar}) and Afghan Persian
 * ({@code fa-AF}) means Dari ({@code prs}). Unknown languages are skipped.
 */
final class LanguageChain {
    static final int MAX_REQUESTED = 6;

    private LanguageChain() {
    }

    /** The chain for {@code lang} if given, else for {@code acceptLanguage}, else just Dutch. */
    static List<String> resolve(@Nullable String lang, @Nullable String acceptLanguage, Set<String> offered) {
        List<String> requested = lang != null && !lang.isBlank()
                ? List.of(lang.split(","))
                : byQuality(acceptLanguage);
        Set<String> chain = new LinkedHashSet<>();
        for (String tag : requested) {
            if (chain.size() == MAX_REQUESTED) {
                break;
            }
            String code = offeredCode(tag.trim().toLowerCase(Locale.ROOT), offered);
            if (code != null) {
                chain.add(code);
            }
        }
        chain.remove(ContentLoader.SOURCE);
        List<String> result = new ArrayList<>(chain);
        result.add(ContentLoader.SOURCE);
        return List.copyOf(result);
    }

    private static @Nullable String offeredCode(String tag, Set<String> offered) {
        if (tag.equals("fa-af") && offered.contains("prs")) {
            return "prs";
        }
        if (offered.contains(tag)) {
            return tag;
        }
        int dash = tag.indexOf('-');
        String primary = dash > 0 ? tag.substring(0, dash) : tag;
        return offered.contains(primary) ? primary : null;
    }

    /** Tags of an {@code Accept-Language} header, highest quality first (stable for equal quality). */
    private static List<String> byQuality(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        record Weighted(String tag, double quality) {
        }
        List<Weighted> weighted = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            double quality = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            // ";;" splits into no pieces at all
            if (pieces.length > 0 && !pieces[0].isBlank() && !pieces[0].equals("*") && quality > 0) {
                weighted.add(new Weighted(pieces[0].trim(), quality));
            }
        }
        weighted.sort(Comparator.comparingDouble(Weighted::quality).reversed());
        return weighted.stream().map(Weighted::tag).toList();
    }
}
