package nl.welkom.casefile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /api/households/{id}/special-needs}.
 *
 * @param kind     {@code MEDICAL}, {@code TRAUMA}, {@code DISABILITY}, {@code UNACCOMPANIED_MINOR},
 *                 {@code SINGLE_PARENT}, {@code PREGNANCY}, {@code ELDERLY} or {@code OTHER}
 * @param memberId the member it concerns, or null for the whole household
 * @param note     the officer's explanation (at most 1000 characters), or null
 */
@Serdeable
public record SpecialNeedCommand(@Nullable String kind, @Nullable String memberId, @Nullable String note) {
}
