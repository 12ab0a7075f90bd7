package nl.welkom.announcement;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.content.TranslationState;

/**
 * One language of an announcement (primary key announcement id + lang; read and written only by
 * {@link AnnouncementRepository.Translations}' queries). {@code state} is UP_TO_DATE or MACHINE_DRAFTED.
 */
@MappedEntity("announcement_translation")
public record TranslationRow(
        @Id String announcementId,
        String lang,
        String title,
        String text,
        TranslationState state,
        long updatedAt) {
}
