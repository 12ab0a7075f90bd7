package nl.welkom.household;

import java.util.Locale;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/**
 * The household list's words ({@code views/dashboard/households.html}): {@code i18n/caseload_nl.properties}
 * and {@code i18n/caseload_en.properties}, keys {@code caseload.*}, Dutch by default.
 */
@Factory
final class CaseloadMessages {

    @Singleton
    MessageSource caseloadMessages() {
        return new ResourceBundleMessageSource("i18n.caseload", Locale.forLanguageTag("nl"));
    }
}
