package nl.welkom.admin;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of staff account management ({@code welkom.admin.*}).
 *
 * @param signInCodeTtl how long a one-time sign-in code (new account, password reset) can be used
 * @param handoverTtl   how long the dashboard keeps a new code for the page that shows it once
 */
@ConfigurationProperties("welkom.admin")
public record AdminProperties(
        @Bindable(defaultValue = "72h") Duration signInCodeTtl,
        @Bindable(defaultValue = "10m") Duration handoverTtl) {
}
