package nl.welkom.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;

/**
 * Turns stored codes and ISO values into what the dashboard shows: country and language names,
 * dates in the dashboard's time zone. The dashboard is in English, so names come in English from
 * the JDK's locale data; an unknown code is shown as it is.
 */
final class Display {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    /** Numbers only, for text a family reads in Dutch or English: {@code 28-03-2026 14:03}. */
    private static final DateTimeFormatter NUMERIC_DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT);
    /** Task titles are shown in English when a translation exists, else in Dutch, which every task has. */
    private static final List<String> TITLE_LANGUAGES = List.of("en", "nl");

    private final ZoneId zone;

    Display(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code ER} → {@code Eritrea}; null stays null. */
    @Nullable
    static String country(@Nullable String isoCode) {
        if (isoCode == null || isoCode.isBlank()) {
            return null;
        }
        try {
            String name = new Locale.Builder().setRegion(isoCode.trim()).build().getDisplayCountry(Locale.ENGLISH);
            return name.isEmpty() ? isoCode : name;
        } catch (IllformedLocaleException e) {
            return isoCode;
        }
    }

    /** {@code [ti, en]} → {@code Tigrinya, English}. */
    static String languages(List<String> codes) {
        return codes.stream().map(Display::language).collect(Collectors.joining(", "));
    }

    static String language(String code) {
        try {
            String name = new Locale.Builder().setLanguage(code.trim()).build().getDisplayLanguage(Locale.ENGLISH);
            return name.isEmpty() ? code : name;
        } catch (IllformedLocaleException e) {
            return code;
        }
    }

    /** A task title in the language the dashboard prefers, with that language for the {@code lang} attribute. */
    static Text title(Map<String, String> titles) {
        for (String lang : TITLE_LANGUAGES) {
            String title = titles.get(lang);
            if (title != null && !title.isBlank()) {
                return new Text(title, lang);
            }
        }
        return titles.entrySet().stream().findFirst()
                .map(entry -> new Text(entry.getValue(), entry.getKey()))
                .orElse(new Text("", "en"));
    }

    /** Today in the dashboard's zone: what "overdue" is measured against. */
    LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** {@code 2026-03-16} → {@code 16 Mar 2026}; null or unreadable → null. */
    @Nullable
    static String date(@Nullable LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** An instant as local date and time, {@code 12 Mar 2026, 14:03}; null or unreadable → null. */
    @Nullable
    String dateTime(@Nullable String isoInstant) {
        return format(DATE_TIME, isoInstant);
    }

    /** An instant as local date and time in numbers, {@code 28-03-2026 14:03}, readable in any language. */
    @Nullable
    String numericDateTime(@Nullable String isoInstant) {
        return format(NUMERIC_DATE_TIME, isoInstant);
    }

    @Nullable
    private String format(DateTimeFormatter formatter, @Nullable String isoInstant) {
        if (isoInstant == null) {
            return null;
        }
        try {
            return formatter.format(Instant.parse(isoInstant).atZone(zone));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An ISO date as stored on a task, or null. */
    @Nullable
    static LocalDate parseDate(@Nullable String isoDate) {
        if (isoDate == null) {
            return null;
        }
        try {
            return LocalDate.parse(isoDate);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A piece of text and its language, for the {@code lang} attribute. Public for the template engine.
     *
     * @param text the text
     * @param lang its BCP 47 language code
     */
    public record Text(String text, String lang) {
    }
}
