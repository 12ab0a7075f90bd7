package nl.welkom.casefile;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.LanguageList;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.SelectionRoute;
import nl.welkom.household.SpecialNeed;
import nl.welkom.household.SpecialNeedKind;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;

/**
 * A household's case file as its officers see it ({@code GET /api/households/{id}/details}): the wire
 * household's fields and what only officers may know — selection route, arrival dates, reception
 * location, members' dates of birth and nationalities, and special needs. Never sent to a buddy or a
 * phone: only the officer-only endpoints of {@link CaseFileController} return it.
 */
@Serdeable
public record HouseholdDetails(
        String id,
        String municipalityId,
        String reference,
        String displayName,
        @Nullable String nationality,
        @Nullable String campOfOrigin,
        @Nullable SelectionRoute selectionRoute,
        @Nullable String expectedArrival,
        @Nullable String arrivedOn,
        ArrivalPath arrivalPath,
        @Nullable String receptionLocation,
        JourneyStage stage,
        List<String> languages,
        List<MemberDetails> members,
        List<SpecialNeedInfo> specialNeeds,
        long version) {

    static HouseholdDetails of(HouseholdEntity household, List<MemberEntity> members, List<SpecialNeed> needs) {
        return new HouseholdDetails(household.id(), household.municipalityId(), household.reference(),
                household.displayName(), household.nationality(), household.campOfOrigin(), household.selectionRoute(),
                household.expectedArrival(), household.arrivedOn(), household.arrivalPath(),
                household.receptionLocation(), household.stage(), LanguageList.parse(household.languages()),
                members.stream().map(MemberDetails::of).toList(), needs.stream().map(SpecialNeedInfo::of).toList(),
                household.version());
    }

    /** A member with the officer-only fields. */
    @Serdeable
    public record MemberDetails(String id, String displayName, @Nullable Integer birthYear, @Nullable String birthDate,
                                @Nullable String nationality, List<String> languages) {
        static MemberDetails of(MemberEntity member) {
            return new MemberDetails(member.id(), member.displayName(), member.birthYear(), member.birthDate(),
                    member.nationality(), LanguageList.parse(member.languages()));
        }
    }

    /**
     * A special need.
     *
     * @param memberId  the member it concerns, or null for the household
     * @param createdAt when it was recorded (ISO instant)
     */
    @Serdeable
    public record SpecialNeedInfo(String id, SpecialNeedKind kind, @Nullable String memberId, @Nullable String note,
                                  String createdAt) {
        static SpecialNeedInfo of(SpecialNeed need) {
            return new SpecialNeedInfo(need.id(), need.kind(), need.memberId(), need.note(),
                    Instant.ofEpochMilli(need.createdAt()).toString());
        }
    }
}
