package nl.welkom.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.config.YamlNode;
import nl.welkom.demo.DemoLoaded;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.model.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code demo/meetings.yaml} once the demo data is in ({@link DemoLoaded}): meetings a family
 * friend logged with their matched household, dated back from today. A household, friend or match it
 * does not find, or a date outside the match, is skipped (the test fixtures). Logs a count.
 */
@Singleton
final class MeetingDemo implements ApplicationEventListener<DemoLoaded> {
    static final String LOCATION = "classpath:demo/meetings.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(MeetingDemo.class);
    private static final long DAY = 86_400_000L;

    private final MeetingService meetings;
    private final AppUserRepository users;
    private final HouseholdRepository households;
    private final Clock clock;

    MeetingDemo(MeetingService meetings, AppUserRepository users, HouseholdRepository households, Clock clock) {
        this.meetings = meetings;
        this.users = users;
        this.households = households;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(DemoLoaded event) {
        Optional<YamlNode> file = YamlNode.readIfPresent(LOCATION);
        if (file.isEmpty()) {
            return;
        }
        LocalDate today = meetings.today();
        int loaded = 0;
        for (YamlNode node : file.get().children("meetings")) {
            Optional<HouseholdEntity> household = households.findByMunicipalitySlugAndReference(
                    node.text("municipality"), node.text("household"));
            Optional<AppUser> friend = users.findByUsername(node.text("friend"))
                    .filter(user -> user.role() == Role.BUDDY);
            if (household.isEmpty() || friend.isEmpty()) {
                continue;
            }
            int daysAgo = node.optionalInt("daysAgo").orElse(0);
            long loggedAt = clock.millis() - daysAgo * DAY;
            if (meetings.demo(household.get().id(), friend.get().id(), today.minusDays(daysAgo), node.text("what"),
                    node.optionalText("note").orElse(null), loggedAt)) {
                loaded++;
            }
        }
        LOG.info("Loaded meeting demo data: {} meetings", loaded);
    }
}
