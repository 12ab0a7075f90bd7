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
 * Turns stored codes and ISO values into what the dashboard shows, in the viewer's language
 * ({@link DashboardLocale}: Dutch, or English on request): country and language names from the
 * JDK's locale data (an unknown code is shown as it is), dates and times in the dashboard's time
 * zone written the way that language writes them — {@code 4 december 2026, 14:30} in Dutch,
 * {@code 4 December 2026, 14:30} in English. One per viewer: {@link Viewer#display()}.
 */
public final class Display {
    /** Numbers only, for text a family reads in any language: {@code 28-03-2026 14:03}. */
    private static final DateTimeFormatter NUMERIC_DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT);

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final List<String> titleLanguages;

    public Display(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
        // Task titles in the viewer's language when there is one, else in Dutch, which every task has.
        this.titleLanguages = "nl".equals(locale.getLanguage()) ? List.of("nl") : List.of(locale.getLanguage(), "nl");
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code ER} → {@code Eritrea}; null stays null. */
    @Nullable
    public String country(@Nullable String isoCode) {
        if (isoCode == null || isoCode.isBlank()) {
            return null;
        }
        try {
            String name = new Locale.Builder().setRegion(isoCode.trim()).build().getDisplayCountry(locale);
            return name.isEmpty() ? isoCode : name;
        } catch (IllformedLocaleException e) {
            return isoCode;
        }
    }

    /** {@code [ti, en]} → {@code Tigrinya, Engels} in Dutch. */
    public String languages(List<String> codes) {
        return codes.stream().map(this::language).collect(Collectors.joining(", "));
    }

    public String language(String code) {
        try {
            String name = new Locale.Builder().setLanguage(code.trim()).build().getDisplayLanguage(locale);
            return name.isEmpty() ? code : name;
        } catch (IllformedLocaleException e) {
            return code;
        }
    }

    /** A task title in the viewer's language, else Dutch, with that language for the {@code lang} attribute. */
    public Text title(Map<String, String> titles) {
        for (String lang : titleLanguages) {
            String title = titles.get(lang);
            if (title != null && !title.isBlank()) {
                return new Text(title, lang);
            }
        }
        return titles.entrySet().stream().findFirst()
                .map(entry -> new Text(entry.getValue(), entry.getKey()))
                .orElse(new Text("", "nl"));
    }

    /** Today in the dashboard's zone: what "overdue" is measured against. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** {@code 2026-12-04} → {@code 4 december 2026}; null → null. */
    @Nullable
    public String date(@Nullable LocalDate value) {
        return value == null ? null : date.format(value);
    }

    /** An ISO date as stored ({@code 2026-12-04}) for display; null or unreadable → null. */
    @Nullable
    public String isoDate(@Nullable String isoDate) {
        return date(parseDate(isoDate));
    }

    /** An instant as local date and time, {@code 4 december 2026, 14:30}; null or unreadable → null. */
    @Nullable
    public String dateTime(@Nullable String isoInstant) {
        return format(dateTime, isoInstant);
    }

    /** An instant (epoch milliseconds) as local date and time. */
    public String dateTime(long epochMillis) {
        return dateTime.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** An instant as local date and time in numbers, {@code 28-03-2026 14:03}, readable in any language. */
    @Nullable
    public String numericDateTime(@Nullable String isoInstant) {
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
    public static LocalDate parseDate(@Nullable String isoDate) {
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
