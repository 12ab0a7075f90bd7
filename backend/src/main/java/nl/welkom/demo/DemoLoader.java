package nl.welkom.demo;

import java.net.URL;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.auth.Passwords;
import nl.welkom.config.ResourceFiles;
import nl.welkom.config.YamlNode;
import nl.welkom.household.BuddyMatch;
import nl.welkom.household.BuddyMatchRepository;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.LanguageList;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.MemberRepository;
import nl.welkom.household.ScopeChange;
import nl.welkom.household.ScopeChangeRepository;
import nl.welkom.household.SelectionRoute;
import nl.welkom.household.SpecialNeed;
import nl.welkom.household.SpecialNeedKind;
import nl.welkom.household.SpecialNeedRepository;
import nl.welkom.journey.TaskEntity;
import nl.welkom.journey.TaskRepository;
import nl.welkom.journey.TaskTitle;
import nl.welkom.journey.TaskTitleRepository;
import nl.welkom.model.auth.Role;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;
import nl.welkom.place.PlaceImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo data (docs/content-format.md) on start when {@code welkom.demo.enabled} and the
 * database has no municipality yet, in one transaction. Demo passwords are hashed once per
 * distinct password. Nothing personal is logged: only counts.
 */
@Singleton
public final class DemoLoader implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final DemoProperties properties;
    private final TransactionOperations<Connection> transactions;
    private final MunicipalityRepository municipalities;
    private final AppUserRepository users;
    private final HouseholdRepository households;
    private final MemberRepository members;
    private final BuddyMatchRepository matches;
    private final ScopeChangeRepository scopeChanges;
    private final SpecialNeedRepository specialNeeds;
    private final TaskRepository tasks;
    private final TaskTitleRepository titles;
    private final ChangeSequence sequence;
    private final Passwords passwords;
    private final Clock clock;
    private final ApplicationEventPublisher<DemoLoaded> loaded;
    private volatile boolean present;

    DemoLoader(DemoProperties properties, TransactionOperations<Connection> transactions,
               MunicipalityRepository municipalities, AppUserRepository users, HouseholdRepository households,
               MemberRepository members, BuddyMatchRepository matches, ScopeChangeRepository scopeChanges,
               SpecialNeedRepository specialNeeds, TaskRepository tasks,
               TaskTitleRepository titles, ChangeSequence sequence, Passwords passwords, Clock clock,
               ApplicationEventPublisher<DemoLoaded> loaded) {
        this.loaded = loaded;
        this.properties = properties;
        this.transactions = transactions;
        this.municipalities = municipalities;
        this.users = users;
        this.households = households;
        this.members = members;
        this.matches = matches;
        this.scopeChanges = scopeChanges;
        this.specialNeeds = specialNeeds;
        this.tasks = tasks;
        this.titles = titles;
        this.sequence = sequence;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** True when demo data is enabled and its file exists (loaded now or on an earlier start). */
    public boolean present() {
        return present;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!properties.enabled()) {
            return;
        }
        Optional<URL> file = ResourceFiles.find(properties.location());
        if (file.isEmpty()) {
            LOG.warn("Demo data is enabled but {} does not exist", properties.location());
            return;
        }
        YamlNode demo = YamlNode.read(file.get());
        present = true;
        if (municipalities.count() > 0) {
            return;
        }
        Counts counts = transactions.executeWrite(status -> municipalities.count() > 0 ? null
                : load(demo, status.getConnection()));
        if (counts != null) {
            loaded.publishEvent(new DemoLoaded());
            LOG.info("Loaded demo data: {} municipalities, {} users, {} households, {} tasks, {} places",
                    counts.municipalities, counts.users, counts.households, counts.tasks, counts.places);
        }
    }

    private Counts load(YamlNode demo, Connection connection) {
        Counts counts = new Counts();
        Map<String, String> hashes = new HashMap<>();
        long now = clock.millis();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
        Set<String> slugs = new HashSet<>();
        for (YamlNode municipalityNode : demo.children("municipalities")) {
            String slug = municipalityNode.text("slug");
            if (!slugs.add(slug)) {
                throw municipalityNode.fail("slug", "is used twice");
            }
            Municipality municipality = municipalities.save(
                    new Municipality(UUID.randomUUID().toString(), slug, municipalityNode.text("name"), now));
            counts.municipalities++;
            Map<String, AppUser> buddies = new HashMap<>();
            String officerId = null;
            for (YamlNode userNode : municipalityNode.children("users")) {
                Role role = userNode.enumValue("role", Role.class);
                if (role == Role.ADMIN || role == Role.NEWCOMER) {
                    throw userNode.fail("role", "must be OFFICER, EDITOR or BUDDY (admins go under admins)");
                }
                AppUser user = users.save(user(userNode, role, municipality.id(), hashes, now));
                counts.users++;
                if (role == Role.BUDDY) {
                    buddies.put(user.username(), user);
                }
                if (role == Role.OFFICER && officerId == null) {
                    officerId = user.id();
                }
            }
            for (YamlNode householdNode : municipalityNode.children("households")) {
                loadHousehold(householdNode, municipality.id(), buddies, officerId, today, now, counts);
            }
            counts.places += PlaceImport.load(connection, municipalityNode, municipality.id(), now);
        }
        for (YamlNode adminNode : demo.children("admins")) {
            users.save(user(adminNode, Role.ADMIN, null, hashes, now));
            counts.users++;
        }
        return counts;
    }

    /** A household with its members, special needs (recorded by {@code officerId}), buddy match and tasks. */
    private void loadHousehold(YamlNode node, String municipalityId, Map<String, AppUser> buddies,
                               String officerId, LocalDate today, long now, Counts counts) {
        HouseholdEntity household = households.save(new HouseholdEntity(UUID.randomUUID().toString(), municipalityId,
                node.text("reference"), node.text("displayName"), node.optionalText("nationality").orElse(null),
                node.optionalText("campOfOrigin").orElse(null), node.enumValue("arrivalPath", ArrivalPath.class),
                node.enumValue("stage", JourneyStage.class), LanguageList.join(node.texts("languages")), 1,
                sequence.next(), now,
                node.optionalText("selectionRoute").isPresent() ? node.enumValue("selectionRoute", SelectionRoute.class)
                        : null,
                daysFrom(today, node, "expectedArrivalInDays"), daysFrom(today, node, "arrivedInDays"),
                node.optionalText("receptionLocation").orElse(null), null));
        counts.households++;
        int position = 0;
        Map<String, String> memberIds = new HashMap<>();
        for (YamlNode member : node.children("members")) {
            Optional<String> birthDate = member.optionalText("birthDate");
            Integer birthYear = birthDate.map(date -> LocalDate.parse(date).getYear())
                    .orElse(member.optionalInt("birthYear").orElse(null));
            MemberEntity saved = members.save(new MemberEntity(UUID.randomUUID().toString(), household.id(),
                    member.text("displayName"), birthYear, LanguageList.join(member.texts("languages")), position++,
                    birthDate.orElse(null), member.optionalText("nationality").orElse(null)));
            memberIds.put(saved.displayName(), saved.id());
        }
        for (YamlNode need : node.children("specialNeeds")) {
            if (officerId == null) {
                throw need.fail(null, "needs an OFFICER in the municipality to have recorded it");
            }
            String memberId = null;
            Optional<String> memberName = need.optionalText("member");
            if (memberName.isPresent()) {
                memberId = memberIds.get(memberName.get());
                if (memberId == null) {
                    throw need.fail("member", "must be the displayName of a member of the same household");
                }
            }
            specialNeeds.save(new SpecialNeed(UUID.randomUUID().toString(), household.id(), memberId,
                    need.enumValue("kind", SpecialNeedKind.class), need.optionalText("note").orElse(null), now,
                    officerId));
        }
        Optional<String> buddyName = node.optionalText("buddy").map(name -> name.toLowerCase(Locale.ROOT));
        if (buddyName.isPresent()) {
            AppUser buddy = buddies.get(buddyName.get());
            if (buddy == null) {
                throw node.fail("buddy", "must be the username of a BUDDY of the same municipality");
            }
            long startedAt = now + node.optionalInt("buddySinceInDays").orElse(0) * 86_400_000L;
            matches.save(new BuddyMatch(UUID.randomUUID().toString(), buddy.id(), household.id(), startedAt, null, null,
                    null));
            scopeChanges.save(ScopeChange.ofUser(sequence.next(), buddy.id(), household.id(), true, now));
        }
        int taskPosition = 0;
        for (YamlNode taskNode : node.children("tasks")) {
            TaskStatus status = taskNode.optionalText("status").isPresent()
                    ? taskNode.enumValue("status", TaskStatus.class) : TaskStatus.OPEN;
            String dueDate = taskNode.optionalInt("dueInDays").map(days -> today.plusDays(days).toString()).orElse(null);
            TaskEntity task = tasks.save(TaskEntity.created(UUID.randomUUID().toString(), household.id(),
                    taskNode.enumValue("stage", JourneyStage.class), taskNode.enumValue("assignee", TaskAssignee.class),
                    dueDate, status, now, sequence.next(), taskPosition++));
            Map<String, String> taskTitles = taskNode.textMap("title");
            if (!taskTitles.containsKey("nl")) {
                throw taskNode.fail("title.nl", "is required: Dutch is the source language");
            }
            taskTitles.forEach((lang, text) -> titles.save(
                    new TaskTitle(UUID.randomUUID().toString(), task.id(), lang, text)));
            counts.tasks++;
        }
    }

    /** {@code today} plus the node's whole number of days under {@code key} (negative: in the past), as ISO; null if absent. */
    private static String daysFrom(LocalDate today, YamlNode node, String key) {
        return node.optionalInt(key).map(days -> today.plusDays(days).toString()).orElse(null);
    }

    private AppUser user(YamlNode node, Role role, String municipalityId, Map<String, String> hashes, long now) {
        String password = node.text("password");
        String hash = hashes.computeIfAbsent(password, passwords::hash);
        return new AppUser(UUID.randomUUID().toString(), node.text("username").toLowerCase(Locale.ROOT), hash, role,
                municipalityId, node.text("displayName"), LanguageList.join(node.texts("languages")), now);
    }

    private static final class Counts {
        int municipalities;
        int users;
        int households;
        int tasks;
        int places;
    }
}
