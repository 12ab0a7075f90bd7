package nl.welkom.gdpr;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The GDPR pages' words: {@code i18n/gdpr_nl.properties} and {@code i18n/gdpr_en.properties}. */
@Factory
final class GdprMessages {

    @Singleton
    MessageSource gdprMessages() {
        return new ResourceBundleMessageSource("i18n.gdpr", DashboardLocale.DUTCH);
    }
}
