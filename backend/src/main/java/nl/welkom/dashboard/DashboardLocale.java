package nl.welkom.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

/**
 * The language a page speaks: Dutch, the dashboard's default (its users are Dutch civil servants),
 * or English on request — the {@value #COOKIE} cookie set by the language switch
 * ({@code POST /language}), else the first of Dutch or English in {@code Accept-Language}, else
 * Dutch. Only these two: every page's words exist in both ({@code i18n/*_nl.properties} and
 * {@code *_en.properties}, checked by {@code DashboardWordsTest}).
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
public final class DashboardLocale implements HttpLocaleResolver {
    /** The cookie the language switch sets. */
    public static final String COOKIE = "WELKOM_LANG";
    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> SPOKEN = List.of(DUTCH, ENGLISH);

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        Optional<Locale> chosen = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(DashboardLocale::spoken);
        if (chosen.isPresent()) {
            return chosen;
        }
        String header = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
                Locale match = Locale.lookup(ranges, SPOKEN);
                if (match != null) {
                    return Optional.of(match);
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return resolve(request).orElse(DUTCH);
    }

    /** {@code nl} or {@code en} (any case, with or without region) as the locale spoken; anything else empty. */
    static Optional<Locale> spoken(String value) {
        String language = value.trim().toLowerCase(Locale.ROOT);
        int dash = language.indexOf('-');
        language = dash > 0 ? language.substring(0, dash) : language;
        for (Locale locale : SPOKEN) {
            if (locale.getLanguage().equals(language)) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }
}
