package nl.welkom.content;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param location directory of the topic files ({@code classpath:} or {@code file:}), imported in
 *                 file-name order when the content tables are empty
 */
@ConfigurationProperties("welkom.content")
record ContentProperties(@Bindable(defaultValue = "classpath:content/topics") String location) {
}
