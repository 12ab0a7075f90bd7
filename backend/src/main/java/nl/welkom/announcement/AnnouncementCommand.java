package nl.welkom.announcement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /api/announcements} and {@code PUT /api/announcements/{id}}: the Dutch title and
 * text, the target and the last day it is shown. The target is set when publishing; an edit keeps it
 * (target fields of a PUT are ignored).
 *
 * @param title       Dutch title, 1 to 120 characters
 * @param text        Dutch text, 1 to 2000 characters (plain text, paragraphs separated by blank lines)
 * @param targetKind  ALL (default), STAGE or LANGUAGE
 * @param targetValue a journey stage name (STAGE) or an offered language code (LANGUAGE)
 * @param expiresOn   ISO date from today up to one year ahead (Europe/Amsterdam)
 */
@Serdeable
public record AnnouncementCommand(
        @Nullable String title,
        @Nullable String text,
        @Nullable String targetKind,
        @Nullable String targetValue,
        @Nullable String expiresOn) {
}
