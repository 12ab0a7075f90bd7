package nl.welkom.meeting;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The meeting log's words: {@code i18n/meeting_nl.properties} and {@code _en}. */
@Factory
final class MeetingMessages {

    @Singleton
    MessageSource meetingMessages() {
        return new ResourceBundleMessageSource("i18n.meeting", DashboardLocale.DUTCH);
    }
}
