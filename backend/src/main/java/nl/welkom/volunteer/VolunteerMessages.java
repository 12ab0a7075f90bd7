package nl.welkom.volunteer;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The volunteer pages' words: {@code i18n/volunteer_nl.properties} and {@code i18n/volunteer_en.properties}. */
@Factory
final class VolunteerMessages {

    @Singleton
    MessageSource volunteerMessages() {
        return new ResourceBundleMessageSource("i18n.volunteer", DashboardLocale.DUTCH);
    }
}
