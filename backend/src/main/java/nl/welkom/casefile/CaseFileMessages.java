package nl.welkom.casefile;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The words of the household pages, the import report and the API's error details: {@code i18n/households_nl/_en.properties}. */
@Factory
final class CaseFileMessages {

    @Singleton
    MessageSource householdsMessages() {
        return new ResourceBundleMessageSource("i18n.households", DashboardLocale.DUTCH);
    }
}
