package nl.welkom.integration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The civic-integration tables (V9): who is inburgeringsplichtig, the broad intake, the plan with its
 * components, extensions and append-only change history, and the progress meetings. Dates are ISO
 * strings as stored; {@code *By} are app_user ids. Never returned to a client as they are.
 */
final class IntegrationEntities {
    private IntegrationEntities() {
    }

    @MappedEntity("integration_obligation")
    record ObligationEntity(@Id String memberId, String householdId, boolean obliged, long changedAt,
                            String changedBy) {
    }

    @MappedEntity("integration_intake")
    record IntakeEntity(@Id String id, String householdId, String memberId, String heldOn, String conductedBy,
                        String summary, Education education, @Nullable String workExperience,
                        @Nullable Boolean healthAffectsLearning, @Nullable Boolean needsLiteracy, long createdAt,
                        String createdBy, long updatedAt, String updatedBy) {
    }

    @MappedEntity("integration_plan")
    record PlanEntity(@Id String id, String householdId, String memberId, Route route, @Nullable String establishedOn,
                      @Nullable String languageSchool, long version, long createdAt, String createdBy, long updatedAt,
                      String updatedBy) {
    }

    @MappedEntity("integration_plan_component")
    record ComponentEntity(@Id String id, String householdId, String planId, Component component,
                           ComponentStatus status, @Nullable String startedOn, @Nullable String completedOn) {
    }

    @MappedEntity("integration_plan_extension")
    record ExtensionEntity(@Id String id, String householdId, String planId, int months, String decidedOn,
                           String reason, long createdAt, String createdBy) {
    }

    /** One field of one change to a plan: append-only. */
    @MappedEntity("integration_plan_change")
    record ChangeEntity(@Id String id, String householdId, String planId, String changeId, int ordinal,
                        long changedAt, String changedBy, String field, @Nullable String oldValue,
                        @Nullable String newValue) {
    }

    @MappedEntity("integration_meeting")
    record MeetingEntity(@Id String id, String householdId, String memberId, String heldOn, String conductedBy,
                         String summary, @Nullable String nextMeetingOn, long createdAt, String createdBy,
                         long updatedAt, String updatedBy) {
    }
}
