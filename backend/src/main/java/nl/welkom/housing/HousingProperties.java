package nl.welkom.housing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Housing settings ({@code welkom.housing.*}).
 *
 * @param arrivalWarningDays a linked household without an accepted offer is late once its arrival
 *                           is this many days away or less (or past)
 * @param periodWarningDays  a period under target is late once it ends this many days from today or less
 */
@ConfigurationProperties("welkom.housing")
record HousingProperties(
        @Bindable(defaultValue = "28") int arrivalWarningDays,
        @Bindable(defaultValue = "42") int periodWarningDays) {
}
