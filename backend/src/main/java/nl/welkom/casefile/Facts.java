package nl.welkom.casefile;

import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.household.SelectionRoute;
import nl.welkom.household.SpecialNeedKind;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;

/** Checked, typed input ({@link CaseFileRules}), ready to be written. */
final class Facts {
    private Facts() {
    }

    /** A household's own fields; {@code reference} null on create means "generate one". */
    record Household(@Nullable String reference, String displayName, @Nullable String nationality,
                     @Nullable String campOfOrigin, @Nullable SelectionRoute selectionRoute,
                     @Nullable LocalDate expectedArrival, @Nullable LocalDate arrivedOn, ArrivalPath arrivalPath,
                     @Nullable String receptionLocation, JourneyStage stage, List<String> languages) {
    }

    record Member(String displayName, @Nullable Integer birthYear, @Nullable LocalDate birthDate,
                  @Nullable String nationality, List<String> languages) {
    }

    /** A special need; {@code memberIndex} points into the members written with it (import), else -1. */
    record Need(SpecialNeedKind kind, @Nullable String memberId, int memberIndex, @Nullable String note) {
    }
}
