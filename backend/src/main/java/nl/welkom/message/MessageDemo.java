package nl.welkom.message;

import java.time.Clock;
import java.time.Duration;
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
import nl.welkom.model.message.MessageAuthor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code demo/messages.yaml} once the demo data is in ({@link DemoLoaded}): a few conversations
 * between families and their officers, dated back from now. A municipality, officer or household it
 * does not find is skipped (the test fixtures). Logs a count.
 */
@Singleton
final class MessageDemo implements ApplicationEventListener<DemoLoaded> {
    static final String LOCATION = "classpath:demo/messages.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(MessageDemo.class);

    private final MessageService messages;
    private final AppUserRepository users;
    private final HouseholdRepository households;
    private final Clock clock;

    MessageDemo(MessageService messages, AppUserRepository users,
                HouseholdRepository households, Clock clock) {
        this.messages = messages;
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
        int loaded = 0;
        for (YamlNode conversation : file.get().children("conversations")) {
            Optional<HouseholdEntity> household = households.findByMunicipalitySlugAndReference(
                    conversation.text("municipality"), conversation.text("household"));
            if (household.isEmpty()) {
                continue;
            }
            for (YamlNode message : conversation.children("messages")) {
                String from = message.text("from");
                long sentAt = clock.millis()
                        - Duration.ofMinutes(message.optionalInt("minutesAgo").orElse(0)).toMillis();
                if ("household".equals(from)) {
                    messages.demo(household.get().id(), MessageAuthor.HOUSEHOLD, null, null, message.text("text"), sentAt);
                    loaded++;
                    continue;
                }
                Optional<AppUser> officer = users.findByUsername(from)
                        .filter(user -> user.role() == Role.OFFICER
                                && user.municipalityId().equals(household.get().municipalityId()));
                if (officer.isPresent()) {
                    messages.demo(household.get().id(), MessageAuthor.OFFICER, officer.get().id(),
                            officer.get().displayName(), message.text("text"), sentAt);
                    loaded++;
                }
            }
        }
        LOG.info("Loaded message demo data: {} messages", loaded);
    }
}
