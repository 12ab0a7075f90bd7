package nl.welkom.config;

import java.nio.file.Path;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Top-level settings ({@code welkom.*} in {@code application.yml}, {@code WELKOM_*} in the environment).
 *
 * @param dataDir directory for the embedded database and the server secret ({@code WELKOM_DATA_DIR});
 *                created on start when missing
 */
@ConfigurationProperties("welkom")
public record WelkomProperties(@Bindable(defaultValue = "./data") Path dataDir) {
}
