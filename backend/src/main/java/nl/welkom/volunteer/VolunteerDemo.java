package nl.welkom.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.config.YamlNode;
import nl.welkom.demo.DemoLoaded;
import nl.welkom.model.auth.Role;

/**
 * Loads {@code demo/volunteers.yaml} once the demo data is in: volunteers in every stage of screening,
 * each with the history that led there (steps a few days apart, by the municipality's first officer).
 * An ACTIVE one is linked to an existing demo buddy account; no account is made. A municipality it
 * does not find is skipped (the test fixtures). Logs a count.
 */
@Singleton
final class VolunteerDemo implements ApplicationEventListener<DemoLoaded> {
    static final String LOCATION = "classpath:demo/volunteers.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(VolunteerDemo.class);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final long DAY = 86_400_000L;
    private static final List<VolunteerState> PATH = List.of(VolunteerState.APPLIED, VolunteerState.INTAKE_DONE,
            VolunteerState.VOG_RECEIVED, VolunteerState.TRAINED, VolunteerState.ACTIVE);

    private final VolunteerRepository volunteers;
    private final VolunteerEventRepository events;
    private final VolunteerLanguages languages;
    private final MunicipalityRepository municipalities;
    private final AppUserRepository users;
    private final Clock clock;

    VolunteerDemo(VolunteerRepository volunteers, VolunteerEventRepository events, VolunteerLanguages languages,
                  MunicipalityRepository municipalities, AppUserRepository users, Clock clock) {
        this.volunteers = volunteers;
        this.events = events;
        this.languages = languages;
        this.municipalities = municipalities;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(DemoLoaded event) {
        Optional<YamlNode> file = YamlNode.readIfPresent(LOCATION);
        if (file.isEmpty()) {
            return;
        }
        long now = clock.millis();
        LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
        int loaded = 0;
        for (YamlNode node : file.get().children("volunteers")) {
            Optional<Municipality> municipality = municipalities.findBySlug(node.text("municipality"));
            if (municipality.isEmpty()) {
                continue;
            }
            String officerId = users.findByMunicipalityIdAndRoleOrderByDisplayName(municipality.get().id(), Role.OFFICER)
                    .stream().findFirst().map(AppUser::id).orElse(null);
            VolunteerState state = node.enumValue("state", VolunteerState.class);
            String userId = node.optionalText("account").flatMap(users::findByUsername)
                    .filter(user -> user.role() == Role.BUDDY).map(AppUser::id).orElse(null);
            if (state == VolunteerState.ACTIVE && userId == null) {
                continue;
            }
            long appliedAt = now - node.optionalInt("appliedDaysAgo").orElse(1) * DAY;
            String vogDate = node.optionalInt("vogMonthsAgo").map(months -> today.minusMonths(months).toString())
                    .orElse(null);
            Volunteer volunteer = new Volunteer(UUID.randomUUID().toString(), municipality.get().id(),
                    node.text("firstName"), node.text("lastName"), node.text("email"), node.text("phone"),
                    node.optionalText("postcode").orElse(null), node.optionalInt("hoursPerWeek").orElse(2),
                    node.optionalText("interests").orElse(""), String.join(",", node.texts("prefers")),
                    node.text("gender"), node.optionalInt("maxHouseholds").orElse(1), state, vogDate, userId,
                    appliedAt, appliedAt);
            volunteers.save(volunteer);
            List<Volunteers.Skill> skills = new ArrayList<>();
            for (Map.Entry<String, String> language : node.textMap("languages").entrySet()) {
                skills.add(new Volunteers.Skill(language.getKey(), Volunteer.Level.valueOf(language.getValue())));
            }
            languages.save(volunteer.id(), skills);
            history(volunteer, officerId, node.optionalText("note").orElse(null), now);
            loaded++;
        }
        LOG.info("Loaded volunteer demo data: {} volunteers", loaded);
    }

    /** The steps from APPLIED to the volunteer's state, spread evenly between the application and now. */
    private void history(Volunteer volunteer, String officerId, String note, long now) {
        List<VolunteerState> steps = new ArrayList<>();
        switch (volunteer.state()) {
            case REJECTED -> steps.addAll(List.of(VolunteerState.APPLIED, VolunteerState.INTAKE_DONE,
                    VolunteerState.REJECTED));
            case STOPPED -> steps.addAll(List.of(VolunteerState.APPLIED, VolunteerState.INTAKE_DONE,
                    VolunteerState.VOG_RECEIVED, VolunteerState.TRAINED, VolunteerState.STOPPED));
            case PAUSED -> {
                steps.addAll(PATH);
                steps.add(VolunteerState.PAUSED);
            }
            default -> steps.addAll(PATH.subList(0, PATH.indexOf(volunteer.state()) + 1));
        }
        long gap = Math.max(1, (now - volunteer.createdAt()) / (steps.size() + 1));
        for (int i = 0; i < steps.size(); i++) {
            boolean last = i == steps.size() - 1;
            events.save(new VolunteerEvent(UUID.randomUUID().toString(), volunteer.id(), i == 0 ? null : steps.get(i - 1),
                    steps.get(i), volunteer.createdAt() + i * gap, i == 0 ? null : officerId, last && i > 0 ? note : null));
        }
    }
}
