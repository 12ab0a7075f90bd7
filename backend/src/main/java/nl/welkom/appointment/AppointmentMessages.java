package nl.welkom.appointment;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The appointments' words: {@code i18n/appointment_nl.properties} and {@code _en}. */
@Factory
final class AppointmentMessages {

    @Singleton
    MessageSource appointmentMessages() {
        return new ResourceBundleMessageSource("i18n.appointment", DashboardLocale.DUTCH);
    }
}
