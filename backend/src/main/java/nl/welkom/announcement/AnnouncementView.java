package nl.welkom.announcement;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.model.content.TranslationState;

/**
 * An announcement as its municipality's officers see it ({@code GET /api/announcements}): every
 * translation, Dutch first.
 *
 * @param live        true while it stands and has not expired
 * @param publishedAt ISO-8601 instant
 * @param withdrawnAt ISO-8601 instant, or null
 */
@Serdeable
public record AnnouncementView(
        String id,
        String targetKind,
        @Nullable String targetValue,
        String expiresOn,
        String publishedAt,
        @Nullable String withdrawnAt,
        boolean live,
        long version,
        List<Text> translations) {

    /** One language's title and text with its state. */
    @Serdeable
    public record Text(String lang, String title, String text, TranslationState state) {
    }

    /** The Dutch text (always present). */
    public Text dutch() {
        return translations.stream().filter(t -> t.lang().equals(AnnouncementService.DUTCH)).findFirst()
                .orElseThrow();
    }

    /** True when it has a translation a machine drafted and no person reviewed. */
    public boolean machineDrafted() {
        return translations.stream().anyMatch(t -> t.state() == TranslationState.MACHINE_DRAFTED);
    }

    /** The translation in {@code lang}, or null. */
    public @Nullable Text in(String lang) {
        return translations.stream().filter(t -> t.lang().equals(lang)).findFirst().orElse(null);
    }
}
