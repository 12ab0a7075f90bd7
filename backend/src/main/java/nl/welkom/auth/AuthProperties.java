package nl.welkom.auth;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Lifetimes and cost factors of credentials ({@code welkom.auth.*}).
 *
 * @param staffTokenTtl      lifetime of a token from password login
 * @param deviceTokenTtl     lifetime of a token from activation
 * @param activationCodeTtl  how long an activation code can be redeemed
 * @param bcryptCost         bcrypt cost factor for new password hashes
 */
@ConfigurationProperties("welkom.auth")
public record AuthProperties(
        @Bindable(defaultValue = "12h") Duration staffTokenTtl,
        @Bindable(defaultValue = "180d") Duration deviceTokenTtl,
        @Bindable(defaultValue = "14d") Duration activationCodeTtl,
        @Bindable(defaultValue = "12") int bcryptCost) {
}
