package nl.welkom.integration;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the integration API answers. Officer-only data: none of it is part of a buddy's or a phone's
 * view of a household. Dates are ISO strings, instants ISO-8601 UTC.
 */
final class IntegrationViews {
    private IntegrationViews() {
    }

    /** {@code GET /api/households/{id}/integration}: every member, with the civic integration of those who are obliged. */
    @Serdeable
    record Overview(String householdId, List<MemberView> members) {
    }

    /** A member; {@code intake} and {@code plan} are absent until recorded, {@code meetings} newest first. */
    @Serdeable
    record MemberView(String memberId, String displayName, @Nullable Integer birthYear, boolean obliged,
                      @Nullable IntakeView intake, @Nullable PlanView plan, List<MeetingView> meetings) {
    }

    @Serdeable
    record IntakeView(String memberId, String heldOn, String conductedBy, String conductedByName, String summary,
                      Education education, @Nullable String workExperience, @Nullable Boolean healthAffectsLearning,
                      @Nullable Boolean needsLiteracy, String updatedAt) {
    }

    /**
     * The plan with its components (always all four, in order), its extensions (oldest first) and its
     * term as it stands today. {@code finished}: every component done or not applicable.
     */
    @Serdeable
    record PlanView(String id, String memberId, Route route, @Nullable String establishedOn,
                    @Nullable String languageSchool, long version, List<ComponentView> components,
                    List<ExtensionView> extensions, TermView term, boolean finished) {
    }

    @Serdeable
    record ComponentView(Component component, ComponentStatus status, @Nullable String startedOn,
                         @Nullable String completedOn) {
    }

    @Serdeable
    record ExtensionView(String id, int months, String decidedOn, String reason, String recordedAt,
                         String recordedByName) {
    }

    /** {@link Term} on the wire; dates absent for a draft plan. */
    @Serdeable
    record TermView(@Nullable String start, @Nullable String baseDeadline, int extensionMonths,
                    @Nullable String deadline, int monthsLeft, long daysLeft, TermStatus status) {

        static TermView of(Term term) {
            return new TermView(iso(term.start()), iso(term.baseDeadline()), term.extensionMonths(),
                    iso(term.deadline()), term.monthsLeft(), term.daysLeft(), term.status());
        }

        private static String iso(@Nullable java.time.LocalDate date) {
            return date == null ? null : date.toString();
        }
    }

    @Serdeable
    record MeetingView(String id, String memberId, String heldOn, String conductedBy, String conductedByName,
                       String summary, @Nullable String nextMeetingOn) {
    }

    /**
     * One field of one change to a plan ({@code GET .../plan/history}, newest change first). Fields:
     * {@code plan} (CREATED), {@code route}, {@code establishedOn}, {@code languageSchool},
     * {@code deadline} (derived: the term's last day moved), {@code components.<C>.status|startedOn|completedOn},
     * {@code extension.months|decidedOn|reason}.
     */
    @Serdeable
    record ChangeView(String changeId, String changedAt, String changedBy, String changedByName, String field,
                      @Nullable String oldValue, @Nullable String newValue) {
    }

    @Serdeable
    record ObligationView(String memberId, boolean obliged) {
    }
}
