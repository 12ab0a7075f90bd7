package nl.welkom.abuse;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The words of the sign-in throttle's message: {@code i18n/abuse_nl.properties} and {@code _en}. */
@Factory
final class AbuseMessages {

    @Singleton
    MessageSource abuseMessages() {
        return new ResourceBundleMessageSource("i18n.abuse", DashboardLocale.DUTCH);
    }
}
