package nl.welkom.integration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.MemberRepository;
import nl.welkom.integration.IntegrationEntities.ChangeEntity;
import nl.welkom.integration.IntegrationEntities.ComponentEntity;
import nl.welkom.integration.IntegrationEntities.ExtensionEntity;
import nl.welkom.integration.IntegrationEntities.IntakeEntity;
import nl.welkom.integration.IntegrationEntities.MeetingEntity;
import nl.welkom.integration.IntegrationEntities.ObligationEntity;
import nl.welkom.integration.IntegrationEntities.PlanEntity;
import nl.welkom.integration.IntegrationRepositories.ChangeRepository;
import nl.welkom.integration.IntegrationRepositories.ComponentRepository;
import nl.welkom.integration.IntegrationRepositories.ExtensionRepository;
import nl.welkom.integration.IntegrationRepositories.IntakeRepository;
import nl.welkom.integration.IntegrationRepositories.MeetingRepository;
import nl.welkom.integration.IntegrationRepositories.ObligationRepository;
import nl.welkom.integration.IntegrationRepositories.PlanRepository;
import nl.welkom.integration.IntegrationViews.ChangeView;
import nl.welkom.integration.IntegrationViews.ComponentView;
import nl.welkom.integration.IntegrationViews.ExtensionView;
import nl.welkom.integration.IntegrationViews.IntakeView;
import nl.welkom.integration.IntegrationViews.MeetingView;
import nl.welkom.integration.IntegrationViews.MemberView;
import nl.welkom.integration.IntegrationViews.ObligationView;
import nl.welkom.integration.IntegrationViews.Overview;
import nl.welkom.integration.IntegrationViews.PlanView;
import nl.welkom.integration.IntegrationViews.TermView;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * Civic integration under the Wet inburgering 2021, for the officers of the household's
 * municipality only: who is inburgeringsplichtig, the broad intake, the personal plan (PIP) with its
 * route, components, term and extensions, and the progress meetings. Every call checks the role (403
 * for anyone but an officer) and the household scope (404 outside it), checks its input before
 * writing anything ({@link InvalidInput}, 400), and is audited. Every change to a plan writes its
 * fields to the append-only history in the same transaction (docs/integration.md).
 */
@Singleton
public class IntegrationService {
    static final int SUMMARY_MAX = 4000;
    static final int SHORT_TEXT_MAX = 500;
    static final int SCHOOL_MAX = 200;
    static final int MAX_EXTENSION_MONTHS = 36;

    private final HouseholdScope scope;
    private final MemberRepository members;
    private final AppUserRepository users;
    private final ObligationRepository obligations;
    private final IntakeRepository intakes;
    private final PlanRepository plans;
    private final ComponentRepository components;
    private final ExtensionRepository extensions;
    private final ChangeRepository changes;
    private final MeetingRepository meetings;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    IntegrationService(HouseholdScope scope, MemberRepository members, AppUserRepository users,
                       ObligationRepository obligations, IntakeRepository intakes, PlanRepository plans,
                       ComponentRepository components, ExtensionRepository extensions, ChangeRepository changes,
                       MeetingRepository meetings, AuditLog audit, Clock clock,
                       @Value("${welkom.dashboard.time-zone:Europe/Amsterdam}") String zone) {
        this.scope = scope;
        this.members = members;
        this.users = users;
        this.obligations = obligations;
        this.intakes = intakes;
        this.plans = plans;
        this.components = components;
        this.extensions = extensions;
        this.changes = changes;
        this.meetings = meetings;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * The members whose deadline falls within {@code months} from today, or has passed, while their
     * plan is unfinished; earliest deadline first. For the caseload and reports: ids and dates only,
     * not audited here (whoever shows names reads them through the scope and audits that).
     */
    @Transactional(readOnly = true)
    public List<DeadlineDue> deadlinesDueWithin(String municipalityId, int months) {
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative");
        }
        List<PlanEntity> dated = plans.findDatedInMunicipality(municipalityId);
        if (dated.isEmpty()) {
            return List.of();
        }
        List<String> planIds = dated.stream().map(PlanEntity::id).toList();
        Map<String, List<ComponentEntity>> partsByPlan = components.findByPlanIdIn(planIds).stream()
                .collect(Collectors.groupingBy(ComponentEntity::planId));
        Map<String, Integer> monthsByPlan = extensions.findByPlanIdIn(planIds).stream()
                .collect(Collectors.groupingBy(ExtensionEntity::planId, Collectors.summingInt(ExtensionEntity::months)));
        LocalDate today = today();
        LocalDate limit = today.plusMonths(months);
        List<DeadlineDue> due = new ArrayList<>();
        for (PlanEntity plan : dated) {
            Term term = Term.of(LocalDate.parse(plan.establishedOn()), monthsByPlan.getOrDefault(plan.id(), 0),
                    finished(partsByPlan.getOrDefault(plan.id(), List.of())), today);
            if (term.status() != TermStatus.COMPLETED && !term.deadline().isAfter(limit)) {
                due.add(new DeadlineDue(plan.householdId(), plan.memberId(), plan.id(), term.deadline(),
                        term.status()));
            }
        }
        due.sort(Comparator.comparing(DeadlineDue::deadline).thenComparing(DeadlineDue::memberId));
        return due;
    }

    /**
     * When a write happens and whether it is audited: now and audited for officers' requests; the demo
     * loader writes its invented past with earlier times and no audit trail.
     */
    record Stamp(long at, boolean audited) {
    }

    private Stamp now() {
        return new Stamp(clock.millis(), true);
    }

    private void audit(Stamp stamp, Caller caller, String action, String householdId) {
        if (stamp.audited()) {
            audit.record(caller, action, householdId);
        }
    }

    /** Today in the dashboard's time zone: the day deadlines and "not in the future" are measured against. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Every member of the household with, for those marked inburgeringsplichtig, their intake, plan
     * and meetings; audited as {@link IntegrationAudit#READ}.
     */
    @Transactional
    Overview overview(Caller caller, String householdId) {
        HouseholdEntity household = household(caller, householdId);
        Overview overview = read(household);
        audit.record(caller, IntegrationAudit.READ, household.id());
        return overview;
    }

    /** The plan's history, newest change first (empty without a plan); audited. */
    @Transactional
    List<ChangeView> history(Caller caller, String householdId, String memberId) {
        HouseholdEntity household = household(caller, householdId);
        MemberEntity member = member(household, memberId);
        Names names = new Names();
        List<ChangeView> history = plans.findByMemberId(member.id())
                .map(plan -> changes.findByPlanId(plan.id()).stream()
                        .sorted(Comparator.comparingLong(ChangeEntity::changedAt).reversed()
                                .thenComparing(ChangeEntity::changeId)
                                .thenComparingInt(ChangeEntity::ordinal))
                        .map(change -> new ChangeView(change.changeId(), Instant.ofEpochMilli(change.changedAt()).toString(),
                                change.changedBy(), names.of(change.changedBy()), change.field(), change.oldValue(),
                                change.newValue()))
                        .toList())
                .orElse(List.of());
        audit.record(caller, IntegrationAudit.HISTORY_READ, household.id());
        return history;
    }

    /** The integration officers of the caller's municipality, by name: who may have held an intake or meeting. */
    List<AppUser> officers(Caller caller) {
        requireOfficer(caller);
        return users.findByMunicipalityIdAndRoleOrderByDisplayName(caller.municipalityId(), Role.OFFICER);
    }

    /**
     * Marks a member as inburgeringsplichtig or not.
     *
     * @throws ProblemException 409 {@code integration-records-exist} when unmarking a member who has
     *                          an intake, a plan or meetings
     */
    @Transactional
    ObligationView setObligation(Caller caller, String householdId, String memberId,
                                 IntegrationCommands.Obligation command) {
        return setObligation(caller, householdId, memberId, command, now());
    }

    @Transactional
    ObligationView setObligation(Caller caller, String householdId, String memberId,
                                 IntegrationCommands.Obligation command, Stamp stamp) {
        HouseholdEntity household = household(caller, householdId);
        MemberEntity member = member(household, memberId);
        if (command.obliged() == null) {
            InvalidInput.Checks checks = new InvalidInput.Checks();
            checks.fail("obliged", "required");
            checks.throwIfFailed();
        }
        boolean obliged = command.obliged();
        if (!obliged && hasRecords(member)) {
            throw new ProblemException(HttpStatus.CONFLICT, "integration-records-exist", "Records exist",
                    "This member has an intake, a plan or progress meetings: they stay marked as inburgeringsplichtig.");
        }
        long now = stamp.at();
        Optional<ObligationEntity> existing = obligations.findById(member.id());
        if (existing.isEmpty()) {
            obligations.save(new ObligationEntity(member.id(), household.id(), obliged, now, caller.userId()));
        } else if (existing.get().obliged() != obliged) {
            obligations.update(new ObligationEntity(member.id(), household.id(), obliged, now, caller.userId()));
        }
        audit(stamp, caller, IntegrationAudit.OBLIGATION_CHANGE, household.id());
        return new ObligationView(member.id(), obliged);
    }

    /** The intake as written, and whether it was new. */
    record SavedIntake(IntakeView intake, boolean created) {
    }

    /**
     * Records the member's broad intake, or replaces it.
     *
     * @throws InvalidInput      for a missing or wrong field
     * @throws ProblemException 409 {@code not-obliged} when the member is not marked inburgeringsplichtig
     */
    @Transactional
    SavedIntake saveIntake(Caller caller, String householdId, String memberId, IntegrationCommands.Intake command) {
        return saveIntake(caller, householdId, memberId, command, now());
    }

    @Transactional
    SavedIntake saveIntake(Caller caller, String householdId, String memberId, IntegrationCommands.Intake command,
                           Stamp stamp) {
        HouseholdEntity household = household(caller, householdId);
        MemberEntity member = member(household, memberId);
        requireObliged(member);
        InvalidInput.Checks checks = new InvalidInput.Checks();
        LocalDate heldOn = checks.pastDate("heldOn", command.heldOn(), true, today());
        String conductedBy = officer(checks, "conductedBy", command.conductedBy(), caller);
        String summary = checks.text("summary", command.summary(), SUMMARY_MAX, true);
        Education education = checks.choice("education", command.education(), Education.class, false);
        String workExperience = checks.text("workExperience", command.workExperience(), SHORT_TEXT_MAX, false);
        checks.throwIfFailed();
        long now = stamp.at();
        Optional<IntakeEntity> existing = intakes.findByMemberId(member.id());
        IntakeEntity intake = new IntakeEntity(existing.map(IntakeEntity::id).orElse(UUID.randomUUID().toString()),
                household.id(), member.id(), heldOn.toString(), conductedBy, summary,
                education == null ? Education.UNKNOWN : education, workExperience, command.healthAffectsLearning(),
                command.needsLiteracy(), existing.map(IntakeEntity::createdAt).orElse(now),
                existing.map(IntakeEntity::createdBy).orElse(caller.userId()), now, caller.userId());
        if (existing.isPresent()) {
            intakes.update(intake);
        } else {
            intakes.save(intake);
        }
        audit(stamp, caller, IntegrationAudit.INTAKE_WRITE, household.id());
        return new SavedIntake(intakeView(intake, new Names()), existing.isEmpty());
    }

    /**
     * Draws up the member's plan; its creation and every initial value go into the history.
     *
     * @throws InvalidInput      for a missing or wrong field
     * @throws ProblemException 409 {@code not-obliged}, or {@code plan-exists} when the member has one
     */
    @Transactional
    PlanView createPlan(Caller caller, String householdId, String memberId, IntegrationCommands.Plan command) {
        return createPlan(caller, householdId, memberId, command, now());
    }

    @Transactional
    PlanView createPlan(Caller caller, String householdId, String memberId, IntegrationCommands.Plan command,
                        Stamp stamp) {
        HouseholdEntity household = household(caller, householdId);
        MemberEntity member = member(household, memberId);
        requireObliged(member);
        if (plans.findByMemberId(member.id()).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "plan-exists", "Plan exists",
                    "This member has a plan already: change it instead.");
        }
        LocalDate today = today();
        InvalidInput.Checks checks = new InvalidInput.Checks();
        Route route = checks.choice("route", command.route(), Route.class, true);
        LocalDate establishedOn = checks.pastDate("establishedOn", command.establishedOn(), false, today);
        String languageSchool = checks.text("languageSchool", command.languageSchool(), SCHOOL_MAX, false);
        Map<Component, Part> parts = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            parts.put(component, Part.initial(component, route == null ? Route.B1 : route));
        }
        overlay(checks, parts, command.components(), today);
        if (route != null) {
            checkParts(checks, parts, route);
        }
        checks.throwIfFailed();

        long now = stamp.at();
        PlanEntity plan = plans.save(new PlanEntity(UUID.randomUUID().toString(), household.id(), member.id(), route,
                iso(establishedOn), languageSchool, 1, now, caller.userId(), now, caller.userId()));
        for (Component component : Component.values()) {
            Part part = parts.get(component);
            components.save(new ComponentEntity(UUID.randomUUID().toString(), household.id(), plan.id(), component,
                    part.status(), iso(part.startedOn()), iso(part.completedOn())));
        }
        History history = new History(plan, caller, now);
        history.add("plan", null, "CREATED");
        history.add("route", null, route.name());
        history.add("establishedOn", null, iso(establishedOn));
        history.add("languageSchool", null, languageSchool);
        for (Component component : Component.values()) {
            history.parts(component, Part.NONE, parts.get(component));
        }
        history.add("deadline", null, iso(deadline(establishedOn, 0)));
        history.save();
        audit(stamp, caller, IntegrationAudit.PLAN_CREATE, household.id());
        return planView(plan, new Names(), today);
    }

    /**
     * Changes the member's plan when nobody changed it since {@code baseVersion}; each changed field
     * (and a moved deadline) goes into the history. A command that changes nothing writes nothing.
     *
     * @throws InvalidInput      for a missing or wrong field
     * @throws ProblemException 404 without a plan; 409 {@code plan-changed} when the plan moved on
     */
    @Transactional
    PlanView editPlan(Caller caller, String householdId, String memberId, IntegrationCommands.Plan command) {
        return editPlan(caller, householdId, memberId, command, now());
    }

    @Transactional
    PlanView editPlan(Caller caller, String householdId, String memberId, IntegrationCommands.Plan command,
                      Stamp stamp) {
        HouseholdEntity household = household(caller, householdId);
        MemberEntity member = member(household, memberId);
        PlanEntity plan = plans.findByMemberId(member.id()).orElseThrow(ProblemException::notFound);
        LocalDate today = today();
        InvalidInput.Checks checks = new InvalidInput.Checks();
        if (command.baseVersion() == null) {
            checks.fail("baseVersion", "required");
        }
        Route route = command.route() == null ? plan.route()
                : checks.choice("route", command.route(), Route.class, true);
        LocalDate establishedOn = command.establishedOn() == null ? parse(plan.establishedOn())
                : checks.pastDate("establishedOn", command.establishedOn(), false, today);
        String languageSchool = command.languageSchool() == null ? plan.languageSchool()
                : checks.text("languageSchool", command.languageSchool(), SCHOOL_MAX, false);
        Map<Component, ComponentEntity> stored = componentsOf(plan.id());
        Map<Component, Part> before = new EnumMap<>(Component.class);
        stored.forEach((component, entity) -> before.put(component, Part.of(entity)));
        Map<Component, Part> after = new EnumMap<>(before);
        overlay(checks, after, command.components(), today);
        if (route != null) {
            checkParts(checks, after, route);
        }
        checks.throwIfFailed();
        if (command.baseVersion() != plan.version()) {
            throw planChanged();
        }

        long now = stamp.at();
        int extensionMonths = extensionMonths(plan.id());
        History history = new History(plan, caller, now);
        history.add("route", plan.route().name(), route.name());
        history.add("establishedOn", plan.establishedOn(), iso(establishedOn));
        history.add("languageSchool", plan.languageSchool(), languageSchool);
        for (Component component : Component.values()) {
            history.parts(component, before.get(component), after.get(component));
        }
        history.add("deadline", iso(deadline(parse(plan.establishedOn()), extensionMonths)),
                iso(deadline(establishedOn, extensionMonths)));
        if (history.isEmpty()) {
            return planView(plan, new Names(), today);
        }
        if (plans.updateIfAt(plan.id(), plan.version(), route.name(), iso(establishedOn), languageSchool, now,
                caller.userId()) != 1) {
            throw planChanged();
        }
        for (Component component : Component.values()) {
            Part part = after.get(component);
            if (!part.equals(before.get(component))) {
                ComponentEntity entity = stored.get(component);
                components.update(new ComponentEntity(entity.id(), entity.householdId(), entity.planId(), component,
                        part.status(), iso(part.startedOn()), iso(part.completedOn())));
            }
        }
        history.save();
        audit(stamp, caller, IntegrationAudit.PLAN_CHANGE, household.id());
        return planView(plans.findById(plan.id()).orElseThrow(), new Names(), today);
    }

    /**
     * Records an extension of the term that DUO granted; it moves the deadline, and the extension and
     * the moved deadline go into the history.
     *
     * @throws InvalidInput      for a missing or wrong field
     * @throws ProblemException 404 without a plan; 409 {@code term-not-started} when the plan has no date
     */
    @Transactional
    PlanView extend(Caller caller, String householdId, String memberId, IntegrationCommands.Extension command) {
        return extend(caller, householdId, memberId, command, now());
    }

    @Transactional
    PlanView extend(Caller caller, String householdId, String memberId, IntegrationCommands.Extension command,
                    Stamp stamp) {
        HouseholdEntity household = household(caller, householdId);
        MemberEntity member = member(household, memberId);
        PlanEntity plan = plans.findByMemberId(member.id()).orElseThrow(ProblemException::notFound);
        LocalDate today = today();
        InvalidInput.Checks checks = new InvalidInput.Checks();
        Integer months = command.months();
        if (months == null || months < 1 || months > MAX_EXTENSION_MONTHS) {
            checks.fail("months", "months");
        }
        LocalDate decidedOn = checks.pastDate("decidedOn", command.decidedOn(), true, today);
        String reason = checks.text("reason", command.reason(), SHORT_TEXT_MAX, true);
        checks.throwIfFailed();
        if (plan.establishedOn() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "term-not-started", "Term not started",
                    "The plan has no date yet, so its term has not started and cannot be extended.");
        }
        long now = stamp.at();
        int monthsBefore = extensionMonths(plan.id());
        LocalDate establishedOn = parse(plan.establishedOn());
        extensions.save(new ExtensionEntity(UUID.randomUUID().toString(), household.id(), plan.id(), months,
                decidedOn.toString(), reason, now, caller.userId()));
        if (plans.touchIfAt(plan.id(), plan.version(), now, caller.userId()) != 1) {
            throw planChanged();
        }
        History history = new History(plan, caller, now);
        history.add("extension.months", null, Integer.toString(months));
        history.add("extension.decidedOn", null, decidedOn.toString());
        history.add("extension.reason", null, reason);
        history.add("deadline", iso(deadline(establishedOn, monthsBefore)),
                iso(deadline(establishedOn, monthsBefore + months)));
        history.save();
        audit(stamp, caller, IntegrationAudit.PLAN_EXTEND, household.id());
        return planView(plans.findById(plan.id()).orElseThrow(), new Names(), today);
    }

    /**
     * Records a progress meeting that took place.
     *
     * @throws InvalidInput      for a missing or wrong field
     * @throws ProblemException 409 {@code not-obliged} when the member is not marked inburgeringsplichtig
     */
    @Transactional
    MeetingView addMeeting(Caller caller, String householdId, String memberId, IntegrationCommands.Meeting command) {
        return addMeeting(caller, householdId, memberId, command, now());
    }

    @Transactional
    MeetingView addMeeting(Caller caller, String householdId, String memberId, IntegrationCommands.Meeting command,
                           Stamp stamp) {
        HouseholdEntity household = household(caller, householdId);
        MemberEntity member = member(household, memberId);
        requireObliged(member);
        MeetingFields fields = meetingFields(command, caller);
        long now = stamp.at();
        MeetingEntity meeting = meetings.save(new MeetingEntity(UUID.randomUUID().toString(), household.id(),
                member.id(), fields.heldOn(), fields.conductedBy(), fields.summary(), fields.nextMeetingOn(), now,
                caller.userId(), now, caller.userId()));
        audit(stamp, caller, IntegrationAudit.MEETING_CREATE, household.id());
        return meetingView(meeting, new Names());
    }

    /**
     * Corrects a recorded progress meeting of the household.
     *
     * @throws ProblemException 404 when the meeting is not one of this household's
     */
    @Transactional
    MeetingView editMeeting(Caller caller, String householdId, String meetingId, IntegrationCommands.Meeting command) {
        MeetingEntity meeting = meeting(caller, householdId, meetingId);
        MeetingFields fields = meetingFields(command, caller);
        MeetingEntity changed = new MeetingEntity(meeting.id(), meeting.householdId(), meeting.memberId(),
                fields.heldOn(), fields.conductedBy(), fields.summary(), fields.nextMeetingOn(), meeting.createdAt(),
                meeting.createdBy(), clock.millis(), caller.userId());
        meetings.update(changed);
        audit.record(caller, IntegrationAudit.MEETING_CHANGE, meeting.householdId());
        return meetingView(changed, new Names());
    }

    /**
     * One recorded meeting of the household, for its edit form; audited as a read.
     *
     * @throws ProblemException 404 when the meeting is not one of this household's
     */
    @Transactional
    MeetingView meeting(Caller caller, String householdId, String meetingId, boolean audited) {
        MeetingEntity meeting = meeting(caller, householdId, meetingId);
        if (audited) {
            audit.record(caller, IntegrationAudit.READ, meeting.householdId());
        }
        return meetingView(meeting, new Names());
    }

    private MeetingEntity meeting(Caller caller, String householdId, String meetingId) {
        HouseholdEntity household = household(caller, householdId);
        return meetings.findById(meetingId)
                .filter(found -> found.householdId().equals(household.id()))
                .orElseThrow(ProblemException::notFound);
    }

    private record MeetingFields(String heldOn, String conductedBy, String summary, @Nullable String nextMeetingOn) {
    }

    private MeetingFields meetingFields(IntegrationCommands.Meeting command, Caller caller) {
        InvalidInput.Checks checks = new InvalidInput.Checks();
        LocalDate heldOn = checks.pastDate("heldOn", command.heldOn(), true, today());
        String conductedBy = officer(checks, "conductedBy", command.conductedBy(), caller);
        String summary = checks.text("summary", command.summary(), SUMMARY_MAX, true);
        LocalDate next = checks.date("nextMeetingOn", command.nextMeetingOn(), false);
        if (next != null && heldOn != null && !next.isAfter(heldOn)) {
            checks.fail("nextMeetingOn", "notAfterMeeting");
        }
        checks.throwIfFailed();
        return new MeetingFields(heldOn.toString(), conductedBy, summary, iso(next));
    }

    // --- reading -------------------------------------------------------------------------------

    private Overview read(HouseholdEntity household) {
        List<MemberEntity> memberList = members.findByHouseholdIdInOrderBySortOrder(List.of(household.id()));
        Map<String, Boolean> obliged = obligations.findByHouseholdId(household.id()).stream()
                .collect(Collectors.toMap(ObligationEntity::memberId, ObligationEntity::obliged));
        Map<String, IntakeEntity> intakeByMember = byKey(intakes.findByHouseholdId(household.id()), IntakeEntity::memberId);
        Map<String, PlanEntity> planByMember = byKey(plans.findByHouseholdId(household.id()), PlanEntity::memberId);
        Map<String, List<MeetingEntity>> meetingsByMember = meetings.findByHouseholdId(household.id()).stream()
                .collect(Collectors.groupingBy(MeetingEntity::memberId));
        List<String> planIds = planByMember.values().stream().map(PlanEntity::id).toList();
        Map<String, List<ComponentEntity>> partsByPlan = planIds.isEmpty() ? Map.of()
                : components.findByPlanIdIn(planIds).stream().collect(Collectors.groupingBy(ComponentEntity::planId));
        Map<String, List<ExtensionEntity>> extensionsByPlan = planIds.isEmpty() ? Map.of()
                : extensions.findByPlanIdIn(planIds).stream().collect(Collectors.groupingBy(ExtensionEntity::planId));
        Names names = new Names();
        LocalDate today = today();
        List<MemberView> views = new ArrayList<>();
        for (MemberEntity member : memberList) {
            IntakeEntity intake = intakeByMember.get(member.id());
            PlanEntity plan = planByMember.get(member.id());
            List<MeetingView> meetingViews = meetingsByMember.getOrDefault(member.id(), List.of()).stream()
                    .sorted(Comparator.comparing(MeetingEntity::heldOn).thenComparingLong(MeetingEntity::createdAt)
                            .reversed())
                    .map(meeting -> meetingView(meeting, names))
                    .toList();
            views.add(new MemberView(member.id(), member.displayName(), member.birthYear(),
                    obliged.getOrDefault(member.id(), false),
                    intake == null ? null : intakeView(intake, names),
                    plan == null ? null : planView(plan, partsByPlan.getOrDefault(plan.id(), List.of()),
                            extensionsByPlan.getOrDefault(plan.id(), List.of()), names, today),
                    meetingViews));
        }
        return new Overview(household.id(), views);
    }

    private PlanView planView(PlanEntity plan, Names names, LocalDate today) {
        return planView(plan, components.findByPlanIdIn(List.of(plan.id())), extensions.findByPlanIdIn(List.of(plan.id())),
                names, today);
    }

    private PlanView planView(PlanEntity plan, List<ComponentEntity> parts, List<ExtensionEntity> planExtensions,
                              Names names, LocalDate today) {
        Map<Component, ComponentEntity> byComponent = new EnumMap<>(Component.class);
        parts.forEach(part -> byComponent.put(part.component(), part));
        List<ComponentView> componentViews = new ArrayList<>();
        for (Component component : Component.values()) {
            ComponentEntity part = byComponent.get(component);
            componentViews.add(part == null ? new ComponentView(component, ComponentStatus.NOT_STARTED, null, null)
                    : new ComponentView(component, part.status(), part.startedOn(), part.completedOn()));
        }
        List<ExtensionView> extensionViews = planExtensions.stream()
                .sorted(Comparator.comparingLong(ExtensionEntity::createdAt))
                .map(extension -> new ExtensionView(extension.id(), extension.months(), extension.decidedOn(),
                        extension.reason(), Instant.ofEpochMilli(extension.createdAt()).toString(),
                        names.of(extension.createdBy())))
                .toList();
        boolean finished = finished(parts);
        Term term = Term.of(parse(plan.establishedOn()), planExtensions.stream().mapToInt(ExtensionEntity::months).sum(),
                finished, today);
        return new PlanView(plan.id(), plan.memberId(), plan.route(), plan.establishedOn(), plan.languageSchool(),
                plan.version(), componentViews, extensionViews, TermView.of(term), finished);
    }

    private IntakeView intakeView(IntakeEntity intake, Names names) {
        return new IntakeView(intake.memberId(), intake.heldOn(), intake.conductedBy(), names.of(intake.conductedBy()),
                intake.summary(), intake.education(), intake.workExperience(), intake.healthAffectsLearning(),
                intake.needsLiteracy(), Instant.ofEpochMilli(intake.updatedAt()).toString());
    }

    private MeetingView meetingView(MeetingEntity meeting, Names names) {
        return new MeetingView(meeting.id(), meeting.memberId(), meeting.heldOn(), meeting.conductedBy(),
                names.of(meeting.conductedBy()), meeting.summary(), meeting.nextMeetingOn());
    }

    // --- rules ---------------------------------------------------------------------------------

    /**
     * A component's state: status and dates. The rules: not started or not applicable take no dates;
     * in progress needs its start; done needs its end, not before its start; only the MAP in the
     * onderwijsroute is not applicable, and there it must be.
     */
    private record Part(ComponentStatus status, @Nullable LocalDate startedOn, @Nullable LocalDate completedOn) {
        static final Part NONE = new Part(null, null, null);

        static Part initial(Component component, Route route) {
            return new Part(component.appliesIn(route) ? ComponentStatus.NOT_STARTED : ComponentStatus.NOT_APPLICABLE,
                    null, null);
        }

        static Part of(ComponentEntity entity) {
            return new Part(entity.status(), parse(entity.startedOn()), parse(entity.completedOn()));
        }
    }

    /** Puts the sent components over {@code parts}, checking each one's own fields. */
    private static void overlay(InvalidInput.Checks checks, Map<Component, Part> parts,
                                @Nullable Map<String, IntegrationCommands.ComponentState> sent, LocalDate today) {
        if (sent == null) {
            return;
        }
        for (Map.Entry<String, IntegrationCommands.ComponentState> entry : sent.entrySet()) {
            String prefix = "components." + entry.getKey();
            Component component;
            try {
                component = Component.valueOf(entry.getKey());
            } catch (IllegalArgumentException e) {
                checks.fail(prefix, "unknownComponent");
                continue;
            }
            IntegrationCommands.ComponentState state = entry.getValue() == null
                    ? new IntegrationCommands.ComponentState(null, null, null) : entry.getValue();
            ComponentStatus status = checks.choice(prefix + ".status", state.status(), ComponentStatus.class, true);
            LocalDate startedOn = checks.pastDate(prefix + ".startedOn", state.startedOn(), false, today);
            LocalDate completedOn = checks.pastDate(prefix + ".completedOn", state.completedOn(), false, today);
            if (status == null) {
                continue;
            }
            switch (status) {
                case NOT_STARTED, NOT_APPLICABLE -> {
                    if (startedOn != null) {
                        checks.fail(prefix + ".startedOn", "noDates");
                    }
                    if (completedOn != null) {
                        checks.fail(prefix + ".completedOn", "noDates");
                    }
                }
                case IN_PROGRESS -> {
                    if (startedOn == null && !checks.failed(prefix + ".startedOn")) {
                        checks.fail(prefix + ".startedOn", "startedOnRequired");
                    }
                    if (completedOn != null) {
                        checks.fail(prefix + ".completedOn", "completedOnOnlyWhenDone");
                    }
                }
                case DONE -> {
                    if (completedOn == null && !checks.failed(prefix + ".completedOn")) {
                        checks.fail(prefix + ".completedOn", "completedOnRequired");
                    } else if (completedOn != null && startedOn != null && completedOn.isBefore(startedOn)) {
                        checks.fail(prefix + ".completedOn", "beforeStart");
                    }
                }
                default -> throw new IllegalStateException(status.name());
            }
            parts.put(component, new Part(status, startedOn, completedOn));
        }
    }

    /** Checks the components against the route: the MAP is not applicable in the onderwijsroute only. */
    private static void checkParts(InvalidInput.Checks checks, Map<Component, Part> parts, Route route) {
        for (Component component : Component.values()) {
            String field = "components." + component.name() + ".status";
            ComponentStatus status = parts.get(component).status();
            if (checks.failed(field)) {
                continue;
            }
            if (!component.appliesIn(route) && status != ComponentStatus.NOT_APPLICABLE) {
                checks.fail(field, "mapOnderwijs");
            } else if (component.appliesIn(route) && status == ComponentStatus.NOT_APPLICABLE) {
                checks.fail(field, "notApplicable");
            }
        }
    }

    private static boolean finished(Collection<ComponentEntity> parts) {
        return !parts.isEmpty() && parts.stream().allMatch(part -> part.status().finished());
    }

    @Nullable
    private static LocalDate deadline(@Nullable LocalDate establishedOn, int extensionMonths) {
        return establishedOn == null ? null : Term.of(establishedOn, extensionMonths, false, establishedOn).deadline();
    }

    private int extensionMonths(String planId) {
        return extensions.findByPlanIdIn(List.of(planId)).stream().mapToInt(ExtensionEntity::months).sum();
    }

    private Map<Component, ComponentEntity> componentsOf(String planId) {
        Map<Component, ComponentEntity> byComponent = new EnumMap<>(Component.class);
        components.findByPlanIdIn(List.of(planId)).forEach(part -> byComponent.put(part.component(), part));
        return byComponent;
    }

    private static ProblemException planChanged() {
        return new ProblemException(HttpStatus.CONFLICT, "plan-changed", "Plan changed",
                "Someone else changed this plan after you opened it. Reload it and make your change again.");
    }

    // --- access --------------------------------------------------------------------------------

    private HouseholdEntity household(Caller caller, String householdId) {
        requireOfficer(caller);
        return scope.requireVisible(caller, householdId);
    }

    private static void requireOfficer(Caller caller) {
        if (caller.role() != Role.OFFICER) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Civic integration is for integration officers only.");
        }
    }

    private MemberEntity member(HouseholdEntity household, String memberId) {
        return members.findById(memberId)
                .filter(member -> member.householdId().equals(household.id()))
                .orElseThrow(ProblemException::notFound);
    }

    private void requireObliged(MemberEntity member) {
        if (!obligations.findById(member.id()).map(ObligationEntity::obliged).orElse(false)) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-obliged", "Not inburgeringsplichtig",
                    "Mark this member as inburgeringsplichtig first.");
        }
    }

    private boolean hasRecords(MemberEntity member) {
        return intakes.findByMemberId(member.id()).isPresent() || plans.findByMemberId(member.id()).isPresent()
                || meetings.findByHouseholdId(member.householdId()).stream()
                .anyMatch(meeting -> meeting.memberId().equals(member.id()));
    }

    /** The officer who held an intake or meeting: the caller when blank, else an officer of the caller's municipality. */
    @Nullable
    private String officer(InvalidInput.Checks checks, String field, @Nullable String userId, Caller caller) {
        if (userId == null || userId.isBlank()) {
            return caller.userId();
        }
        Optional<AppUser> officer = users.findById(userId.strip())
                .filter(user -> user.role() == Role.OFFICER
                        && Objects.equals(user.municipalityId(), caller.municipalityId()));
        if (officer.isEmpty()) {
            checks.fail(field, "officer");
            return null;
        }
        return officer.get().id();
    }

    // --- helpers -------------------------------------------------------------------------------

    @Nullable
    private static String iso(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Nullable
    private static LocalDate parse(@Nullable String isoDate) {
        return isoDate == null ? null : LocalDate.parse(isoDate);
    }

    private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.toMap(key, Function.identity()));
    }

    /** Display names of staff, each looked up once per call. */
    private final class Names {
        private final Map<String, String> cache = new HashMap<>();

        String of(String userId) {
            return cache.computeIfAbsent(userId, id -> users.findById(id).map(AppUser::displayName).orElse(""));
        }
    }

    /** The rows of one change to a plan: only fields whose value moved; saved together. */
    private final class History {
        private final PlanEntity plan;
        private final Caller caller;
        private final long at;
        private final String changeId = UUID.randomUUID().toString();
        private final List<ChangeEntity> rows = new ArrayList<>();

        History(PlanEntity plan, Caller caller, long at) {
            this.plan = plan;
            this.caller = caller;
            this.at = at;
        }

        void add(String field, @Nullable String oldValue, @Nullable String newValue) {
            if (!Objects.equals(oldValue, newValue)) {
                rows.add(new ChangeEntity(UUID.randomUUID().toString(), plan.householdId(), plan.id(), changeId,
                        rows.size(), at, caller.userId(), field, oldValue, newValue));
            }
        }

        void parts(Component component, Part before, Part after) {
            String prefix = "components." + component.name() + ".";
            add(prefix + "status", before.status() == null ? null : before.status().name(), after.status().name());
            add(prefix + "startedOn", iso(before.startedOn()), iso(after.startedOn()));
            add(prefix + "completedOn", iso(before.completedOn()), iso(after.completedOn()));
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        void save() {
            rows.forEach(changes::save);
        }
    }
}
