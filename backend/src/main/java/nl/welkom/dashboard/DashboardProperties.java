package nl.welkom.dashboard;

import java.time.ZoneId;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Dashboard settings ({@code welkom.dashboard.*}).
 *
 * @param timeZone the zone in which dates and times are shown and "overdue" is decided
 *                 ({@code WELKOM_DASHBOARD_TIME_ZONE})
 */
@ConfigurationProperties("welkom.dashboard")
record DashboardProperties(@Bindable(defaultValue = "Europe/Amsterdam") ZoneId timeZone) {
}
