package nl.welkom.admin;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/**
 * The words of the administration pages and the set-password page: {@code i18n/admin_nl.properties}
 * and {@code i18n/admin_en.properties}, Dutch by default.
 */
@Factory
final class AdminMessages {
    static final String NAME = "adminMessages";

    @Singleton
    @Named(NAME)
    MessageSource adminMessages() {
        return new ResourceBundleMessageSource("i18n.admin", DashboardLocale.DUTCH);
    }
}
