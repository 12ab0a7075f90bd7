package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The language switch in every page's header.
 *
 * @param lang {@code nl} or {@code en}
 * @param back the path of the page the switch was on, shown again afterwards
 */
@Serdeable
record LanguageForm(@Nullable String lang, @Nullable String back) {
}
