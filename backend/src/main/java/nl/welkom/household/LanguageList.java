package nl.welkom.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;

/** Lists of language codes as stored: comma-separated, best first, lowercase ({@code ti,en}). */
public final class LanguageList {
    private LanguageList() {
    }

    public static List<String> parse(@Nullable String stored) {
        List<String> codes = new ArrayList<>();
        if (stored != null) {
            for (String code : stored.split(",")) {
                String trimmed = code.trim();
                if (!trimmed.isEmpty()) {
                    codes.add(trimmed);
                }
            }
        }
        return List.copyOf(codes);
    }

    public static String join(@Nullable List<String> codes) {
        if (codes == null) {
            return "";
        }
        List<String> cleaned = new ArrayList<>();
        for (String code : codes) {
            if (code != null && !code.trim().isEmpty()) {
                cleaned.add(code.trim().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(",", cleaned);
    }
}
