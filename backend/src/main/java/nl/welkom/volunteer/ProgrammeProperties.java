package nl.welkom.volunteer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the family-friend programme ({@code welkom.programme.*}).
 *
 * @param vogMaxAgeMonths      how old a certificate of conduct (VOG) may be, in months
 * @param applicationsPerHour  applications accepted per client address per hour (page and API together)
 */
@ConfigurationProperties("welkom.programme")
public record ProgrammeProperties(
        @Bindable(defaultValue = "36") int vogMaxAgeMonths,
        @Bindable(defaultValue = "5") int applicationsPerHour) {
}
