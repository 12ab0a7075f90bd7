package nl.welkom.dashboard;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/**
 * The dashboard's words: {@code i18n/dashboard_nl.properties} and {@code i18n/dashboard_en.properties},
 * used in templates as {@code #{key}}. A feature with pages of its own keeps its words in its own
 * bundle ({@code i18n/<feature>_nl/_en.properties}) with a factory like this one in its package;
 * Micronaut's composite message source asks every bundle. {@code DashboardWordsTest} checks that
 * every key a template uses exists in Dutch and in English.
 */
@Factory
final class DashboardMessages {

    @Singleton
    MessageSource dashboardMessages() {
        return new ResourceBundleMessageSource("i18n.dashboard", DashboardLocale.DUTCH);
    }
}
