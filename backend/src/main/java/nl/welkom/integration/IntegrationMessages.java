package nl.welkom.integration;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/**
 * The civic-integration words of the dashboard: {@code i18n/integration_nl.properties} (Dutch, the
 * default) and {@code i18n/integration_en.properties}, joined to the dashboard's message source.
 */
@Factory
final class IntegrationMessages {

    @Singleton
    @Named("integration")
    MessageSource integrationMessages() {
        return new ResourceBundleMessageSource("i18n.integration", DashboardLocale.DUTCH);
    }
}
