package nl.welkom.announcement;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The announcements' words: {@code i18n/announcement_nl.properties} and {@code _en}. */
@Factory
final class AnnouncementMessages {

    @Singleton
    MessageSource announcementMessages() {
        return new ResourceBundleMessageSource("i18n.announcement", DashboardLocale.DUTCH);
    }
}
