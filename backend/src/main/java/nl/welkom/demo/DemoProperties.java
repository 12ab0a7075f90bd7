package nl.welkom.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param enabled  load the demo data when the database has no municipality yet ({@code WELKOM_DEMO_ENABLED})
 * @param location the demo file ({@code classpath:} or {@code file:})
 */
@ConfigurationProperties("welkom.demo")
record DemoProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "classpath:demo/demo.yaml") String location) {
}
