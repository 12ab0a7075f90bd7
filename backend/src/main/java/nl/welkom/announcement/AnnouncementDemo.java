package nl.welkom.announcement;

import java.util.Optional;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.config.YamlNode;
import nl.welkom.demo.DemoLoaded;
import nl.welkom.model.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code demo/announcements.yaml} once the demo data is in ({@link DemoLoaded}): announcements
 * published and translated by the demo officer through {@link AnnouncementService} like any other,
 * expiring a number of days after the load. A municipality or officer it does not find is skipped
 * (the test fixtures). Logs a count.
 */
@Singleton
final class AnnouncementDemo implements ApplicationEventListener<DemoLoaded> {
    static final String LOCATION = "classpath:demo/announcements.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementDemo.class);

    private final AnnouncementService announcements;
    private final MunicipalityRepository municipalities;
    private final AppUserRepository users;

    AnnouncementDemo(AnnouncementService announcements, MunicipalityRepository municipalities,
                     AppUserRepository users) {
        this.announcements = announcements;
        this.municipalities = municipalities;
        this.users = users;
    }

    @Override
    public void onApplicationEvent(DemoLoaded event) {
        Optional<YamlNode> file = YamlNode.readIfPresent(LOCATION);
        if (file.isEmpty()) {
            return;
        }
        int loaded = 0;
        for (YamlNode node : file.get().children("announcements")) {
            Optional<Municipality> municipality = municipalities.findBySlug(node.text("municipality"));
            Optional<AppUser> officer = users.findByUsername(node.text("officer"))
                    .filter(user -> user.role() == Role.OFFICER);
            if (municipality.isEmpty() || officer.isEmpty()) {
                continue;
            }
            Caller caller = new Caller(Role.OFFICER, officer.get().id(), null, municipality.get().id(), null);
            String expiresOn = announcements.today().plusDays(node.optionalInt("expiresInDays").orElse(30)).toString();
            AnnouncementView made = announcements.publish(caller, new AnnouncementCommand(node.text("title"),
                    node.text("text"), node.text("target"), node.optionalText("value").orElse(null), expiresOn));
            for (YamlNode translation : node.children("translations")) {
                announcements.translate(caller, made.id(), translation.text("lang"), new TranslationCommand(
                        translation.text("title"), translation.text("text"), translation.text("state")));
            }
            loaded++;
        }
        LOG.info("Loaded announcement demo data: {} announcements", loaded);
    }
}
