package nl.welkom.abuse;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Throttling limits and the client-address rule ({@code welkom.abuse.*}, docs/abuse.md).
 *
 * @param window                        the length of one counting window
 * @param loginFailuresPerAccountSource failed logins for one account from one address per window; the
 *                                      next attempt for that pair is answered 429 (other addresses are not affected)
 * @param loginFailuresPerSource        failed logins from one address per window, whatever the account
 * @param activationFailuresPerSource   refused (well-formed) activation codes from one address per window
 * @param trustedProxies                addresses of reverse proxies whose {@code X-Forwarded-For} is believed;
 *                                      empty (the default): the connection's own address is the client's
 */
@ConfigurationProperties("welkom.abuse")
public record AbuseProperties(
        @Bindable(defaultValue = "15m") Duration window,
        @Bindable(defaultValue = "10") int loginFailuresPerAccountSource,
        @Bindable(defaultValue = "100") int loginFailuresPerSource,
        @Bindable(defaultValue = "30") int activationFailuresPerSource,
        @Bindable(defaultValue = "") List<String> trustedProxies) {

    public AbuseProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(address -> !address.isEmpty()).toList();
    }
}
