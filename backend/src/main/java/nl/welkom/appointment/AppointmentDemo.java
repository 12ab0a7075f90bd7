package nl.welkom.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.config.YamlNode;
import nl.welkom.demo.DemoLoaded;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.model.appointment.AppointmentType;
import nl.welkom.model.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code demo/appointments.yaml} once the demo data is in ({@link DemoLoaded}): a few upcoming
 * appointments, planned by the demo officer through {@link AppointmentService} like any other.
 * A municipality, officer or household it does not find is skipped (the test fixtures). Logs a count.
 */
@Singleton
final class AppointmentDemo implements ApplicationEventListener<DemoLoaded> {
    static final String LOCATION = "classpath:demo/appointments.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(AppointmentDemo.class);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final AppointmentService appointments;
    private final AppUserRepository users;
    private final HouseholdRepository households;
    private final Clock clock;

    AppointmentDemo(AppointmentService appointments, AppUserRepository users,
                    HouseholdRepository households, Clock clock) {
        this.appointments = appointments;
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
        LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
        int loaded = 0;
        for (YamlNode node : file.get().children("appointments")) {
            Optional<AppUser> officer = users.findByUsername(node.text("officer"))
                    .filter(user -> user.role() == Role.OFFICER);
            Optional<HouseholdEntity> household = households.findByMunicipalitySlugAndReference(node.text("municipality"),
                    node.text("household"));
            if (officer.isEmpty() || household.isEmpty()) {
                continue;
            }
            ZonedDateTime start = today.plusDays(node.optionalInt("inDays").orElse(1))
                    .atTime(LocalTime.parse(node.text("at"))).atZone(AMSTERDAM);
            ZonedDateTime end = start.plusMinutes(node.optionalInt("minutes").orElse(30));
            boolean byPhone = node.optionalText("byPhone").map(Boolean::parseBoolean).orElse(false);
            AppointmentCommand command = new AppointmentCommand(node.enumValue("type", AppointmentType.class),
                    node.text("purpose"), start.toInstant().toString(), end.toInstant().toString(), List.of(), null,
                    node.optionalText("address").orElse(null), byPhone, node.optionalText("bring").orElse(null),
                    node.optionalText("interpreter").orElse(null), null);
            Caller caller = new Caller(Role.OFFICER, officer.get().id(), null, household.get().municipalityId(), null);
            appointments.create(caller, household.get().id(), command);
            loaded++;
        }
        LOG.info("Loaded appointment demo data: {} appointments", loaded);
    }
}
