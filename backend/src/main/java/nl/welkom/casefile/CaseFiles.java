package nl.welkom.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.HouseholdScope;
import nl.welkom.household.LanguageList;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.MemberRepository;
import nl.welkom.household.SpecialNeed;
import nl.welkom.household.SpecialNeedRepository;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * An officer's case files: create a household (with its members), read and change its details, add,
 * change and remove members, record and remove special needs. Only officers, and only for households
 * of their own municipality ({@link HouseholdScope}: 404 otherwise).
 *
 * <p>Every write to a household or member row takes {@link ChangeSequence#next()} first, in its
 * transaction, and writes the household with the next {@code version}: members travel inside the
 * wire household, so a member's change is a change of the household, and every phone holding it
 * pulls it again (docs/sync.md). Special needs have no wire form and take no sequence value. Each
 * read and change is audited with an action of {@link CaseFileAudit}.
 */
@Singleton
class CaseFiles {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final HouseholdRepository households;
    private final MemberRepository members;
    private final SpecialNeedRepository needs;
    private final HouseholdReferences references;
    private final HouseholdScope scope;
    private final ChangeSequence sequence;
    private final CaseFileRules rules;
    private final AuditLog audit;
    private final Clock clock;

    CaseFiles(HouseholdRepository households, MemberRepository members, SpecialNeedRepository needs,
              HouseholdReferences references, HouseholdScope scope, ChangeSequence sequence, CaseFileRules rules,
              AuditLog audit, Clock clock) {
        this.households = households;
        this.members = members;
        this.needs = needs;
        this.references = references;
        this.scope = scope;
        this.sequence = sequence;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a household of the officer's municipality, with the members in the command; a blank
     * reference is generated ({@link #suggestReference}).
     *
     * @throws InvalidInput     when a value breaks a rule, or the reference is taken ({@link Invalid#REFERENCE_TAKEN})
     */
    @Transactional
    public HouseholdDetails create(Caller officer, HouseholdCommand command) {
        requireOfficer(officer);
        Set<String> known = Set.copyOf(rules.knownLanguages());
        List<FieldError> errors = new ArrayList<>();
        Facts.Household facts = rules.household(command, true, known, errors);
        List<Facts.Member> memberFacts = new ArrayList<>();
        List<MemberCommand> given = command.members() == null ? List.of() : command.members();
        for (int i = 0; i < given.size(); i++) {
            MemberCommand member = given.get(i);
            if (member == null) {
                errors.add(FieldError.of("members[" + i + "]", Invalid.REQUIRED));
                continue;
            }
            memberFacts.add(rules.member(member, "members[" + i + "].", known, errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return insert(officer, facts, memberFacts, List.of(), CaseFileAudit.CREATE);
    }

    /**
     * Writes a checked household with its members and needs (a need's {@code memberIndex} names one
     * of {@code memberFacts}) into the officer's municipality, in the caller's transaction or a new one.
     *
     * @throws InvalidInput when the given reference is taken in the municipality
     */
    @Transactional
    HouseholdDetails insert(Caller officer, Facts.Household facts, List<Facts.Member> memberFacts,
                            List<Facts.Need> needFacts, String action) {
        long seq = sequence.next();
        String municipalityId = officer.municipalityId();
        String reference = facts.reference();
        if (reference == null) {
            reference = nextReference(municipalityId);
        } else if (references.existsByMunicipalityIdAndReference(municipalityId, reference)) {
            throw new InvalidInput(List.of(FieldError.of("reference", Invalid.REFERENCE_TAKEN)));
        }
        long now = clock.millis();
        HouseholdEntity household = households.save(new HouseholdEntity(UUID.randomUUID().toString(),
                municipalityId, reference, facts.displayName(), facts.nationality(), facts.campOfOrigin(),
                facts.arrivalPath(), facts.stage(), LanguageList.join(facts.languages()), 1, seq, now,
                facts.selectionRoute(), iso(facts.expectedArrival()), iso(facts.arrivedOn()),
                facts.receptionLocation(), null));
        List<MemberEntity> saved = new ArrayList<>();
        for (Facts.Member member : memberFacts) {
            saved.add(members.save(memberEntity(UUID.randomUUID().toString(), household.id(), member, saved.size())));
        }
        List<SpecialNeed> savedNeeds = new ArrayList<>();
        for (Facts.Need need : needFacts) {
            String memberId = need.memberIndex() >= 0 ? saved.get(need.memberIndex()).id() : need.memberId();
            savedNeeds.add(needs.save(new SpecialNeed(UUID.randomUUID().toString(), household.id(), memberId,
                    need.kind(), need.note(), now, officer.userId())));
        }
        audit.record(officer, action, household.id());
        return HouseholdDetails.of(household, saved, savedNeeds);
    }

    /** The household's case file; audited as {@link CaseFileAudit#DETAILS_READ}. 404 outside the officer's scope. */
    public HouseholdDetails details(Caller officer, String householdId) {
        HouseholdEntity household = requireOfficerScope(officer, householdId);
        HouseholdDetails details = read(household);
        audit.record(officer, CaseFileAudit.DETAILS_READ, household.id());
        return details;
    }

    /**
     * Replaces the household's own fields (members change through their own calls).
     *
     * @throws InvalidInput     when a value breaks a rule or the reference is taken
     * @throws StaleVersion     when {@code version} is given and no longer current
     * @throws ProblemException 404 out of scope
     */
    @Transactional
    public HouseholdDetails update(Caller officer, String householdId, HouseholdCommand command) {
        requireOfficer(officer);
        if (command.members() != null) {
            throw ProblemException.badRequest(
                    "members: change members through /api/households/{id}/members, not in the details.");
        }
        List<FieldError> errors = new ArrayList<>();
        Facts.Household facts = rules.household(command, false, Set.copyOf(rules.knownLanguages()), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long seq = sequence.next();
        HouseholdEntity household = requireOfficerScope(officer, householdId);
        if (command.version() != null && command.version() != household.version()) {
            throw new StaleVersion(household.version());
        }
        if (references.existsByMunicipalityIdAndReferenceAndIdNotEqual(household.municipalityId(), facts.reference(),
                household.id())) {
            throw new InvalidInput(List.of(FieldError.of("reference", Invalid.REFERENCE_TAKEN)));
        }
        HouseholdEntity changed = households.update(new HouseholdEntity(household.id(), household.municipalityId(),
                facts.reference(), facts.displayName(), facts.nationality(), facts.campOfOrigin(), facts.arrivalPath(),
                facts.stage(), LanguageList.join(facts.languages()), household.version() + 1, seq,
                household.createdAt(), facts.selectionRoute(), iso(facts.expectedArrival()), iso(facts.arrivedOn()),
                facts.receptionLocation(), household.erasedAt()));
        audit.record(officer, CaseFileAudit.DETAILS_CHANGE, household.id());
        return read(changed);
    }

    /** Adds a member at the end of the household. @throws InvalidInput when a value breaks a rule */
    @Transactional
    public HouseholdDetails.MemberDetails addMember(Caller officer, String householdId, MemberCommand command) {
        Facts.Member facts = checkedMember(officer, command);
        long seq = sequence.next();
        HouseholdEntity household = requireOfficerScope(officer, householdId);
        int position = membersOf(household.id()).stream().mapToInt(MemberEntity::sortOrder).max().orElse(-1) + 1;
        MemberEntity member = members.save(memberEntity(UUID.randomUUID().toString(), household.id(), facts, position));
        households.update(household.nextVersion(seq));
        audit.record(officer, CaseFileAudit.MEMBER_ADD, household.id());
        return HouseholdDetails.MemberDetails.of(member);
    }

    /** Replaces a member's fields. @throws ProblemException 404 when the member is not of this household */
    @Transactional
    public HouseholdDetails.MemberDetails updateMember(Caller officer, String householdId, String memberId,
                                                       MemberCommand command) {
        Facts.Member facts = checkedMember(officer, command);
        long seq = sequence.next();
        HouseholdEntity household = requireOfficerScope(officer, householdId);
        MemberEntity member = requireMember(household, memberId);
        MemberEntity changed = members.update(memberEntity(member.id(), household.id(), facts, member.sortOrder()));
        households.update(household.nextVersion(seq));
        audit.record(officer, CaseFileAudit.MEMBER_CHANGE, household.id());
        return HouseholdDetails.MemberDetails.of(changed);
    }

    /**
     * Removes a member and the special needs recorded for them.
     *
     * @throws ProblemException 404 when the member is not of this household; 409
     *                          {@code member-has-records} when other records (course progress, a plan)
     *                          still name the member
     */
    @Transactional
    public void removeMember(Caller officer, String householdId, String memberId) {
        requireOfficer(officer);
        long seq = sequence.next();
        HouseholdEntity household = requireOfficerScope(officer, householdId);
        MemberEntity member = requireMember(household, memberId);
        needs.deleteByMemberId(member.id());
        try {
            members.deleteById(member.id());
        } catch (DataAccessException e) {
            // A foreign key of another feature's table still points at the member: nothing is removed.
            throw new ProblemException(HttpStatus.CONFLICT, "member-has-records", "Member has records",
                    "Other records in Welkom (such as course progress) still belong to this member, so it cannot be removed.");
        }
        households.update(household.nextVersion(seq));
        audit.record(officer, CaseFileAudit.MEMBER_REMOVE, household.id());
    }

    /**
     * Records a special need of the household or one of its members.
     *
     * @throws InvalidInput when the kind is missing or unknown, the note too long, or the member not of this household
     */
    @Transactional
    public HouseholdDetails.SpecialNeedInfo addNeed(Caller officer, String householdId, SpecialNeedCommand command) {
        requireOfficer(officer);
        List<FieldError> errors = new ArrayList<>();
        Facts.Need facts = rules.need(command, errors);
        HouseholdEntity household = requireOfficerScope(officer, householdId);
        if (facts != null && facts.memberId() != null
                && members.findById(facts.memberId()).filter(m -> m.householdId().equals(household.id())).isEmpty()) {
            errors.add(FieldError.of("memberId", Invalid.MEMBER));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        SpecialNeed need = needs.save(new SpecialNeed(UUID.randomUUID().toString(), household.id(), facts.memberId(),
                facts.kind(), facts.note(), clock.millis(), officer.userId()));
        audit.record(officer, CaseFileAudit.NEED_ADD, household.id());
        return HouseholdDetails.SpecialNeedInfo.of(need);
    }

    /** Removes a special need. @throws ProblemException 404 when it is not of this household */
    @Transactional
    public void removeNeed(Caller officer, String householdId, String needId) {
        HouseholdEntity household = requireOfficerScope(officer, householdId);
        SpecialNeed need = needs.findById(needId)
                .filter(found -> found.householdId().equals(household.id()))
                .orElseThrow(ProblemException::notFound);
        needs.delete(need);
        audit.record(officer, CaseFileAudit.NEED_REMOVE, household.id());
    }

    /**
     * The reference a new household of the officer's municipality would get: {@code WLK-<year>-<n>}
     * with the next free four-digit number of this year, like the demo's {@code WLK-2026-0003}.
     */
    public String suggestReference(Caller officer) {
        requireOfficer(officer);
        return nextReference(officer.municipalityId());
    }

    /** A free reference in {@code municipalityId} ({@code WLK-2026-0012}); unique when called in the writing transaction. */
    String nextReference(String municipalityId) {
        String prefix = "WLK-" + LocalDate.now(clock.withZone(ZONE)).getYear() + "-";
        int highest = 0;
        for (String taken : references.findLike(municipalityId, prefix + "%")) {
            String tail = taken.substring(prefix.length());
            if (!tail.isEmpty() && tail.length() < 9 && tail.chars().allMatch(Character::isDigit)) {
                highest = Math.max(highest, Integer.parseInt(tail));
            }
        }
        String reference;
        do {
            highest++;
            reference = prefix + String.format(Locale.ROOT, "%04d", highest);
        } while (references.existsByMunicipalityIdAndReference(municipalityId, reference));
        return reference;
    }

    /** The household's members in their order. */
    List<MemberEntity> membersOf(String householdId) {
        return members.findByHouseholdIdInOrderBySortOrder(List.of(householdId));
    }

    /** The household if the caller is an officer who may see it. @throws ProblemException 403 or 404 */
    HouseholdEntity requireOfficerScope(Caller caller, String householdId) {
        requireOfficer(caller);
        return scope.requireVisible(caller, householdId);
    }

    /** One member of the household. @throws ProblemException 404 */
    MemberEntity requireMember(HouseholdEntity household, String memberId) {
        return members.findById(memberId)
                .filter(member -> member.householdId().equals(household.id()))
                .orElseThrow(ProblemException::notFound);
    }

    /** The case file as stored, not audited. */
    HouseholdDetails read(HouseholdEntity household) {
        return HouseholdDetails.of(household, membersOf(household.id()),
                needs.findByHouseholdIdOrderByCreatedAt(household.id()));
    }

    private Facts.Member checkedMember(Caller officer, MemberCommand command) {
        requireOfficer(officer);
        List<FieldError> errors = new ArrayList<>();
        Facts.Member facts = rules.member(command, "", Set.copyOf(rules.knownLanguages()), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return facts;
    }

    private static MemberEntity memberEntity(String id, String householdId, Facts.Member member, int position) {
        return new MemberEntity(id, householdId, member.displayName(), member.birthYear(),
                LanguageList.join(member.languages()), position, iso(member.birthDate()), member.nationality());
    }

    static void requireOfficer(Caller caller) {
        if (caller.role() != Role.OFFICER || caller.municipalityId() == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only an integration officer can do this.");
        }
    }

    @Nullable
    private static String iso(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

}
