package nl.welkom.journey;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The journey's words for the dashboard: {@code i18n/journey_nl.properties} and {@code journey_en.properties}. */
@Factory
final class JourneyMessages {

    @Singleton
    MessageSource journeyMessages() {
        return new ResourceBundleMessageSource("i18n.journey", DashboardLocale.DUTCH);
    }
}
