package nl.welkom.casefile;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A member as the officer records it ({@code POST/PUT /api/households/{id}/members[/{memberId}]}, or
 * inside a create). A birth date sets the birth year; when both are given they must agree.
 *
 * @param displayName the name the person wants to be called (required)
 * @param birthYear   year of birth (1900 to this year), or null
 * @param birthDate   date of birth, or null
 * @param nationality ISO 3166 alpha-2 code when it differs from the household's, or null
 * @param languages   language codes, best first; may be empty (a baby)
 */
@Serdeable
public record MemberCommand(
        @Nullable String displayName,
        @Nullable Integer birthYear,
        @Nullable String birthDate,
        @Nullable String nationality,
        @Nullable List<String> languages) {
}
