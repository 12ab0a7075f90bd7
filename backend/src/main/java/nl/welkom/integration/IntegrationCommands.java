package nl.welkom.integration;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What an officer sends ({@code /api/households/{id}/integration/...}, and the dashboard's forms
 * turned into the same records). Every field may be missing; {@link IntegrationService} checks them
 * and answers every broken rule at once ({@link InvalidInput}). Dates are ISO ({@code 2026-12-04})
 * between 2000 and 2100; enums by name.
 */
final class IntegrationCommands {
    private IntegrationCommands() {
    }

    /** {@code {"obliged":true}}: whether the member is inburgeringsplichtig. */
    @Serdeable
    record Obligation(@Nullable Boolean obliged) {
    }

    /**
     * The broad intake. {@code conductedBy} is the user id of the officer who held it (an officer of
     * the caller's municipality; the caller when left out); {@code education} one of {@link Education}
     * (UNKNOWN when left out); the two booleans are null when not known.
     */
    @Serdeable
    record Intake(@Nullable String heldOn, @Nullable String conductedBy, @Nullable String summary,
                  @Nullable String education, @Nullable String workExperience, @Nullable Boolean healthAffectsLearning,
                  @Nullable Boolean needsLiteracy) {
    }

    /**
     * A plan to create, or the fields of a plan to change. Creating needs {@code route}; components
     * left out start as NOT_STARTED (the MAP as NOT_APPLICABLE in the onderwijsroute). Changing needs
     * {@code baseVersion}, the version the officer saw; a field left out stays, {@code ""} clears
     * {@code establishedOn} or {@code languageSchool}, and a component sent replaces that component's
     * status and dates.
     *
     * @param components by component name ({@link Component})
     */
    @Serdeable
    record Plan(@Nullable Long baseVersion, @Nullable String route, @Nullable String establishedOn,
                @Nullable String languageSchool, @Nullable Map<String, ComponentState> components) {
    }

    /** A component's status ({@link ComponentStatus}) with the day it started and the day it was done. */
    @Serdeable
    record ComponentState(@Nullable String status, @Nullable String startedOn, @Nullable String completedOn) {
    }

    /** An extension of the term that DUO granted: months added, the day of the decision, and why. */
    @Serdeable
    record Extension(@Nullable Integer months, @Nullable String decidedOn, @Nullable String reason) {
    }

    /** A progress meeting that took place, and the next one planned. {@code conductedBy} as in {@link Intake}. */
    @Serdeable
    record Meeting(@Nullable String heldOn, @Nullable String conductedBy, @Nullable String summary,
                   @Nullable String nextMeetingOn) {
    }
}
