package nl.welkom.appointment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;

import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.auth.SecretHasher;
import nl.welkom.dashboard.DashboardLocale;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.auth.Role;
import nl.welkom.problem.ProblemException;

/**
 * Appointments as iCalendar (RFC 5545): a staff member's feed, read anonymously by a secret token
 * (stored only as its HMAC), and one appointment. Times are written in Europe/Amsterdam with a
 * VTIMEZONE; UID is the appointment id, SEQUENCE its sequence; a cancelled one has STATUS:CANCELLED.
 * The SUMMARY is the type word (Dutch) and, for staff, the household's display name: nothing else
 * about the family (no special needs, no notes).
 */
@Singleton
public class AppointmentCalendar {
    static final String ZONE = "Europe/Amsterdam";
    private static final Duration FEED_PAST = Duration.ofDays(30);
    private static final int TOKEN_BYTES = 24;

    private final AppointmentRepository appointments;
    private final CalendarFeed.Repository feeds;
    private final AppUserRepository users;
    private final HouseholdScope scope;
    private final SecretHasher hasher;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AppointmentCalendar(AppointmentRepository appointments, CalendarFeed.Repository feeds, AppUserRepository users,
                        HouseholdScope scope, SecretHasher hasher, MessageSource messages, AuditLog audit, Clock clock) {
        this.appointments = appointments;
        this.feeds = feeds;
        this.users = users;
        this.scope = scope;
        this.hasher = hasher;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new secret token for the caller's feed; an earlier token stops working. */
    @Transactional
    public String createFeed(Caller caller) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        feeds.deleteById(caller.userId());
        feeds.save(new CalendarFeed(caller.userId(), hasher.hash(token), clock.millis()));
        return token;
    }

    /** Revokes the caller's feed (nothing happens when there is none). */
    @Transactional
    public void revokeFeed(Caller caller) {
        feeds.deleteById(caller.userId());
    }

    /**
     * The feed behind a token: the appointments of households in its owner's scope from 30 days ago
     * on; empty when the token is unknown, revoked or its owner deactivated. Audited per household.
     */
    @Transactional
    public Optional<String> feed(String token) {
        Optional<AppUser> owner = feeds.findByTokenHash(hasher.hash(token))
                .flatMap(feed -> users.findById(feed.userId()))
                .filter(AppUser::active)
                .filter(user -> user.role() == Role.OFFICER || user.role() == Role.BUDDY);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        AppUser user = owner.get();
        Caller caller = new Caller(user.role(), user.id(), null, user.municipalityId(), null);
        Map<String, HouseholdEntity> households = scope.visibleHouseholds(caller).stream()
                .collect(Collectors.toMap(HouseholdEntity::id, Function.identity()));
        List<AppointmentEntity> rows = households.isEmpty() ? List.of()
                : appointments.findByHouseholdIdInAndStartsAtGreaterThanEqualsOrderByStartsAt(households.keySet(),
                        clock.millis() - FEED_PAST.toMillis());
        rows.stream().map(AppointmentEntity::householdId).distinct()
                .forEach(householdId -> audit.record(caller, AppointmentAudit.FEED_READ, householdId));
        return Optional.of(write(rows, households));
    }

    /** One appointment the caller may see (404 otherwise); the household's name only for staff. Audited. */
    @Transactional
    public String one(Caller caller, String appointmentId) {
        AppointmentEntity appointment = appointments.findById(appointmentId).orElseThrow(ProblemException::notFound);
        HouseholdEntity household = scope.requireVisible(caller, appointment.householdId());
        audit.record(caller, AppointmentAudit.READ, household.id());
        return write(List.of(appointment), caller.isDevice() ? Map.of() : Map.of(household.id(), household));
    }

    private String write(List<AppointmentEntity> rows, Map<String, HouseholdEntity> names) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Welkom//Appointments//NL");
        calendar.setName(word("appointment.calendar.name"));
        calendar.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone(ZONE), amsterdam()));
        for (AppointmentEntity row : rows) {
            calendar.addEvent(event(row, names.get(row.householdId())));
        }
        return calendar.write();
    }

    private VEvent event(AppointmentEntity row, @Nullable HouseholdEntity household) {
        VEvent event = new VEvent();
        event.setUid(row.id());
        event.setDateTimeStamp(new Date(row.updatedAt()));
        event.setLastModified(new Date(row.updatedAt()));
        event.setDateStart(new Date(row.startsAt()), true);
        event.setDateEnd(new Date(row.endsAt()), true);
        event.setSequence(row.sequence());
        String type = word("appointment.type." + row.type().name());
        event.setSummary(household == null ? type : type + " – " + household.displayName());
        String location = location(row);
        if (location != null) {
            event.setLocation(location);
        }
        event.setStatus(row.status() == AppointmentStatus.CANCELLED ? Status.cancelled() : Status.confirmed());
        return event;
    }

    @Nullable
    private String location(AppointmentEntity row) {
        if (row.byPhone()) {
            return word("appointment.calendar.phone");
        }
        String place = row.placeId() == null ? null : appointments.findPlaceName(row.placeId()).orElse(null);
        if (place != null && row.address() != null) {
            return place + ", " + row.address();
        }
        return place != null ? place : row.address();
    }

    private String word(String key) {
        return messages.getMessage(key, DashboardLocale.DUTCH).orElse(key);
    }

    /** Europe/Amsterdam as a VTIMEZONE: CET/CEST with the EU rules (last Sunday of March and October). */
    private static VTimezone amsterdam() {
        VTimezone zone = new VTimezone(ZONE);
        DaylightSavingsTime summer = new DaylightSavingsTime();
        summer.setDateStart(new DateTimeComponents(1981, 3, 29, 2, 0, 0, false));
        summer.setTimezoneOffsetFrom(new UtcOffset(true, 1, 0));
        summer.setTimezoneOffsetTo(new UtcOffset(true, 2, 0));
        summer.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY).byMonth(3).byDay(-1, DayOfWeek.SUNDAY).build());
        summer.addTimezoneName("CEST");
        zone.addDaylightSavingsTime(summer);
        StandardTime winter = new StandardTime();
        winter.setDateStart(new DateTimeComponents(1996, 10, 27, 3, 0, 0, false));
        winter.setTimezoneOffsetFrom(new UtcOffset(true, 2, 0));
        winter.setTimezoneOffsetTo(new UtcOffset(true, 1, 0));
        winter.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY).byMonth(10).byDay(-1, DayOfWeek.SUNDAY).build());
        winter.addTimezoneName("CET");
        zone.addStandardTime(winter);
        return zone;
    }
}
