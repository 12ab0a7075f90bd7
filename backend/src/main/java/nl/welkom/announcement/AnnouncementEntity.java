package nl.welkom.announcement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An announcement row (V16): who it is for, until when, and its change clock. Its texts are
 * {@link TranslationRow}s, Dutch always among them.
 *
 * @param targetKind  ALL, STAGE or LANGUAGE
 * @param targetValue the stage name or language code; null for ALL
 * @param expiresOn   ISO date, the last day it is shown (Europe/Amsterdam)
 * @param publishedBy user id of the officer who published it
 * @param withdrawnAt epoch ms it was withdrawn, or null while it stands
 */
@MappedEntity("announcement")
public record AnnouncementEntity(
        @Id String id,
        String municipalityId,
        TargetKind targetKind,
        @Nullable String targetValue,
        String expiresOn,
        long publishedAt,
        String publishedBy,
        @Nullable Long withdrawnAt,
        long version,
        long changeSeq) {

    /** Whom an announcement is for. */
    public enum TargetKind { ALL, STAGE, LANGUAGE }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    AnnouncementEntity edited(String newExpiresOn, long seq) {
        return new AnnouncementEntity(id, municipalityId, targetKind, targetValue, newExpiresOn, publishedAt,
                publishedBy, withdrawnAt, version + 1, seq);
    }

    AnnouncementEntity withdrawnAt(long at, long seq) {
        return new AnnouncementEntity(id, municipalityId, targetKind, targetValue, expiresOn, publishedAt,
                publishedBy, at, version + 1, seq);
    }
}
