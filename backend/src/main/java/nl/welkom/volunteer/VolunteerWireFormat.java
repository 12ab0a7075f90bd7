package nl.welkom.volunteer;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON of {@code /api/volunteers/...} and {@code /api/volunteer-applications}: records of this package only. */
final class VolunteerWireFormat {
    private VolunteerWireFormat() {
    }

    /** The answer to an application: its id and state only (the applicant gets nothing else back). */
    @Serdeable
    record Received(String id, String state) {
    }

    /** A volunteer in a list. {@code attention}: message keys of why the coordinator should look. */
    @Serdeable
    record VolunteerSummary(String id, String firstName, String lastName, String state, int hoursPerWeek,
                            int maxHouseholds, @Nullable String vogDate, String appliedAt, List<String> attention) {
        static VolunteerSummary of(Volunteer v, List<String> attention) {
            return new VolunteerSummary(v.id(), v.firstName(), v.lastName(), v.state().name(), v.hoursPerWeek(),
                    v.maxHouseholds(), v.vogDate(), iso(v.createdAt()), attention);
        }
    }

    /** One volunteer with everything the coordinator needs; {@code next}: the states they may move to. */
    @Serdeable
    record VolunteerDetail(String id, String municipalityId, String firstName, String lastName, String email,
                           String phone, @Nullable String postcode, int hoursPerWeek, String interests,
                           List<String> prefers, String gender, int maxHouseholds, String state,
                           @Nullable String vogDate, @Nullable String userId, String appliedAt, String updatedAt,
                           List<Volunteers.Skill> languages, List<Event> history, List<String> next,
                           List<String> attention) {
        static VolunteerDetail of(VolunteerService.Detail detail, List<String> attention) {
            Volunteer v = detail.volunteer();
            return new VolunteerDetail(v.id(), v.municipalityId(), v.firstName(), v.lastName(), v.email(), v.phone(),
                    v.postcode(), v.hoursPerWeek(), v.interests(), v.preferences(), v.gender(), v.maxHouseholds(),
                    v.state().name(), v.vogDate(), v.userId(), iso(v.createdAt()), iso(v.updatedAt()),
                    detail.languages(), detail.events().stream().map(Event::of).toList(),
                    v.state().next().stream().map(Enum::name).toList(), attention);
        }
    }

    /** One step of the history; {@code byUserId} null for the application itself. */
    @Serdeable
    record Event(@Nullable String from, String to, String at, @Nullable String byUserId, @Nullable String note) {
        static Event of(VolunteerEvent e) {
            return new Event(e.fromState() == null ? null : e.fromState().name(), e.toState().name(), iso(e.at()),
                    e.byUserId(), e.note());
        }
    }

    /** {@code POST /api/volunteers/{id}/transitions}: the state to move to, the VOG date for VOG_RECEIVED, a note. */
    @Serdeable
    record Transition(@Nullable String to, @Nullable String vogDate, @Nullable String note) {
    }

    /** The answer to a step: the volunteer now and, on their first ACTIVE, the new account's one-time sign-in code. */
    @Serdeable
    record Moved(VolunteerDetail volunteer, @Nullable SignInCode signInCode) {
    }

    /** A one-time sign-in code, shown once: the volunteer opens {@code link} and chooses a password. */
    @Serdeable
    record SignInCode(String code, String link, String expiresAt) {
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
