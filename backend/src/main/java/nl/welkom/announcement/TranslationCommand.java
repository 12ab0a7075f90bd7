package nl.welkom.announcement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code PUT /api/announcements/{id}/translations/{lang}}.
 *
 * @param title title in the language, 1 to 120 characters
 * @param text  text in the language, 1 to 2000 characters
 * @param state MACHINE_DRAFTED (default: pasted from a machine, not reviewed) or UP_TO_DATE (reviewed)
 */
@Serdeable
public record TranslationCommand(@Nullable String title, @Nullable String text, @Nullable String state) {
}
