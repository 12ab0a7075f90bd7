package nl.welkom.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.auth.Role;

/**
 * One audited access: ids and an action name, never names or free text.
 *
 * @param role      the caller's role; null for a refusal where no one was signed in (a failed login)
 * @param subjectId the account or municipality an administrator's action concerns (or the account a
 *                  failed login named); null otherwise
 */
@MappedEntity("audit_event")
record AuditEvent(
        @Id String id,
        long occurredAt,
        @Nullable String actorUserId,
        @Nullable String actorDeviceId,
        @Nullable Role role,
        String action,
        @Nullable String householdId,
        @Nullable String subjectId) {
}
