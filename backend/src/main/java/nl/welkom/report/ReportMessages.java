package nl.welkom.report;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** The reports' words: {@code i18n/reports_nl.properties} and {@code i18n/reports_en.properties}. */
@Factory
final class ReportMessages {

    @Singleton
    MessageSource reportMessages() {
        return new ResourceBundleMessageSource("i18n.reports", DashboardLocale.DUTCH);
    }
}
