package nl.welkom.casefile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/households/{id}/move}: the slug of the municipality it moves to ({@code deventer}). */
@Serdeable
public record MoveCommand(@Nullable String municipalitySlug) {
}
