package nl.welkom.matching;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/** Matching's words: {@code i18n/matching_nl.properties} and {@code i18n/matching_en.properties}. */
@Factory
final class MatchingMessages {

    @Singleton
    MessageSource matchingMessages() {
        return new ResourceBundleMessageSource("i18n.matching", DashboardLocale.DUTCH);
    }
}
