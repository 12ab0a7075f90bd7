package nl.welkom.message;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The messages' words: {@code i18n/message_nl.properties} and {@code _en}. */
@Factory
final class MessageMessages {

    @Singleton
    MessageSource messageMessages() {
        return new ResourceBundleMessageSource("i18n.message", DashboardLocale.DUTCH);
    }
}
