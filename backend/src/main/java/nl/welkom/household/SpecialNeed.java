package nl.welkom.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A special need of a household (medical, trauma, a single parent, ...): special-category data
 * under the GDPR, for the officers of the household's municipality only. It has no wire form: it
 * never travels to a buddy or a phone, neither in {@code /api/households} nor in a pull.
 *
 * @param memberId  the member it concerns, or null when it concerns the household as a whole
 * @param note      the officer's explanation, or null
 * @param createdBy the officer (app_user id) who recorded it
 */
@MappedEntity("special_need")
public record SpecialNeed(
        @Id String id,
        String householdId,
        @Nullable String memberId,
        SpecialNeedKind kind,
        @Nullable String note,
        long createdAt,
        String createdBy) {
}
