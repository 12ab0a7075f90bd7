package nl.welkom.housing;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.DashboardLocale;

/**
 * Housing's words: {@code i18n/housing_nl.properties} and {@code i18n/housing_en.properties}, for its
 * pages and section ({@code #{housing.*}}), the reasons of group suggestions and the API's error
 * details (in English).
 */
@Factory
final class HousingMessages {

    @Singleton
    MessageSource housingMessages() {
        return new ResourceBundleMessageSource("i18n.housing", DashboardLocale.DUTCH);
    }
}
