package nl.welkom.phrasebook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param location the phrasebook file ({@code classpath:} or {@code file:}); no file means an empty phrasebook
 */
@ConfigurationProperties("welkom.phrasebook")
record PhrasebookProperties(@Bindable(defaultValue = "classpath:content/phrasebook.yaml") String location) {
}
