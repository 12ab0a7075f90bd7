package nl.welkom.integration;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.config.YamlNode;
import nl.welkom.demo.DemoLoaded;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.MemberRepository;
import nl.welkom.integration.IntegrationService.Stamp;
import nl.welkom.model.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code demo/integration.yaml} once the demo data is in: members marked inburgeringsplichtig,
 * their intake, plan (drawn up, then changed on later days, so the history reads like real work),
 * and progress meetings. Written through {@link IntegrationService}
 * with the rules an officer meets, dated in the past and without audit events (nobody read or
 * changed anything). Households, members and officers it does not find are skipped. Logs counts only.
 */
@Singleton
final class IntegrationDemo implements ApplicationEventListener<DemoLoaded> {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationDemo.class);
    /** Demo work happens at ten in the morning. */
    private static final LocalTime WORK_TIME = LocalTime.of(10, 0);

    private final IntegrationService service;
    private final HouseholdRepository households;
    private final MemberRepository members;
    private final AppUserRepository users;
    private final TransactionOperations<Connection> transactions;
    private final String location;
    private final ZoneId zone;

    IntegrationDemo(IntegrationService service, HouseholdRepository households,
                    MemberRepository members, AppUserRepository users, TransactionOperations<Connection> transactions,
                    @Value("${welkom.integration.demo-location:classpath:demo/integration.yaml}") String location,
                    @Value("${welkom.dashboard.time-zone:Europe/Amsterdam}") String zone) {
        this.service = service;
        this.households = households;
        this.members = members;
        this.users = users;
        this.transactions = transactions;
        this.location = location;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void onApplicationEvent(DemoLoaded event) {
        Optional<YamlNode> file = YamlNode.readIfPresent(location);
        if (file.isEmpty()) {
            return;
        }
        YamlNode demo = file.get();
        int plans = transactions.executeWrite(status -> load(demo));
        if (plans > 0) {
            LOG.info("Loaded civic-integration demo data: {} plans", plans);
        }
    }

    private int load(YamlNode demo) {
        int plans = 0;
        LocalDate today = service.today();
        for (YamlNode node : demo.children("households")) {
            Optional<HouseholdEntity> household = household(node.text("municipality"), node.text("reference"));
            Optional<AppUser> officer = users.findByUsername(node.text("officer"))
                    .filter(user -> user.role() == Role.OFFICER);
            if (household.isEmpty() || officer.isEmpty()
                    || !household.get().municipalityId().equals(officer.get().municipalityId())) {
                continue;
            }
            Caller caller = new Caller(Role.OFFICER, officer.get().id(), null, officer.get().municipalityId(), null);
            List<MemberEntity> memberList = members.findByHouseholdIdInOrderBySortOrder(List.of(household.get().id()));
            for (YamlNode memberNode : node.children("members")) {
                Optional<MemberEntity> member = memberList.stream()
                        .filter(candidate -> candidate.displayName().equals(memberNode.text("name")))
                        .findFirst();
                if (member.isPresent()) {
                    plans += loadMember(memberNode, caller, household.get().id(), member.get().id(), today);
                }
            }
        }
        return plans;
    }

    private int loadMember(YamlNode node, Caller caller, String householdId, String memberId, LocalDate today) {
        int firstDay = node.optionalInt("intakeDaysAgo").orElse(node.optionalInt("planDaysAgo").orElse(0));
        service.setObligation(caller, householdId, memberId, new IntegrationCommands.Obligation(true),
                stamp(today, firstDay));
        if (node.optionalInt("intakeDaysAgo").isPresent()) {
            int daysAgo = node.optionalInt("intakeDaysAgo").get();
            service.saveIntake(caller, householdId, memberId, new IntegrationCommands.Intake(
                    day(today, daysAgo), null, node.text("intakeSummary"), node.optionalText("education").orElse(null),
                    node.optionalText("workExperience").orElse(null), yesNo(node, "healthAffectsLearning"),
                    yesNo(node, "needsLiteracy")), stamp(today, daysAgo));
        }
        int plans = 0;
        if (node.optionalText("route").isPresent()) {
            int daysAgo = node.optionalInt("planDaysAgo").orElseThrow(() -> node.fail("planDaysAgo", "is required with route"));
            IntegrationViews.PlanView plan = service.createPlan(caller, householdId, memberId,
                    new IntegrationCommands.Plan(null, node.text("route"), established(node, today),
                            node.optionalText("languageSchool").orElse(null), components(node, today)),
                    stamp(today, daysAgo));
            for (YamlNode change : node.children("planChanges")) {
                int changeDaysAgo = change.optionalInt("daysAgo").orElseThrow(() -> change.fail("daysAgo", "is required"));
                plan = service.editPlan(caller, householdId, memberId, new IntegrationCommands.Plan(plan.version(),
                        change.optionalText("route").orElse(null), established(change, today),
                        change.optionalText("languageSchool").orElse(null), components(change, today)),
                        stamp(today, changeDaysAgo));
            }
            plans++;
        }
        for (YamlNode meeting : node.children("meetings")) {
            int daysAgo = meeting.optionalInt("daysAgo").orElseThrow(() -> meeting.fail("daysAgo", "is required"));
            String next = meeting.optionalInt("nextInDays").map(days -> today.plusDays(days).toString()).orElse(null);
            service.addMeeting(caller, householdId, memberId, new IntegrationCommands.Meeting(day(today, daysAgo), null,
                    meeting.text("summary"), next), stamp(today, daysAgo));
        }
        return plans;
    }

    /** The PIP's date ({@code establishedDaysAgo}), or null to leave it (a draft stays a draft). */
    private static String established(YamlNode node, LocalDate today) {
        return node.optionalInt("establishedDaysAgo").map(days -> day(today, days)).orElse(null);
    }

    private Map<String, IntegrationCommands.ComponentState> components(YamlNode change, LocalDate today) {
        Map<String, IntegrationCommands.ComponentState> components = new LinkedHashMap<>();
        for (YamlNode component : change.children("components")) {
            components.put(component.text("component"), new IntegrationCommands.ComponentState(
                    component.text("status"),
                    component.optionalInt("startedDaysAgo").map(days -> day(today, days)).orElse(null),
                    component.optionalInt("completedDaysAgo").map(days -> day(today, days)).orElse(null)));
        }
        return components.isEmpty() ? null : components;
    }

    private Optional<HouseholdEntity> household(String slug, String reference) {
        return households.findByMunicipalitySlugAndReference(slug, reference);
    }

    private Stamp stamp(LocalDate today, int daysAgo) {
        return new Stamp(today.minusDays(daysAgo).atTime(WORK_TIME).atZone(zone).toInstant().toEpochMilli(), false);
    }

    private static String day(LocalDate today, int daysAgo) {
        return today.minusDays(daysAgo).toString();
    }

    private static Boolean yesNo(YamlNode node, String key) {
        return node.optionalText(key).map(Boolean::valueOf).orElse(null);
    }
}
