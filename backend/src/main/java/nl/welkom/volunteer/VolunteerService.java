package nl.welkom.volunteer;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.admin.StaffAccounts;
import nl.welkom.admin.StaffAccounts.IssuedCode;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.Caller;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.buddy.BuddyMatchService;
import nl.welkom.problem.ProblemException;

/**
 * Applications and screening of volunteers (docs/volunteers.md). Anyone may apply; an officer of the
 * volunteer's municipality (the programme's coordinator) reads and moves them through the states of
 * {@link VolunteerState}. Every change records a {@link VolunteerEvent}; refused input changes nothing.
 */
@Singleton
public class VolunteerService {
    static final String AUDIT_READ = "volunteer.read";
    static final String AUDIT_MOVE = "volunteer.move";
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 30;
    static final int MAX_TEXT = 500;
    static final int MAX_LANGUAGES = 6;
    static final int MAX_HOURS = 40;
    static final int MAX_HOUSEHOLDS = 5;
    /** An application waiting longer than this for its intake talk needs attention. */
    static final int INTAKE_WAIT_DAYS = 14;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,30}");
    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");

    private final VolunteerRepository volunteers;
    private final VolunteerEventRepository events;
    private final VolunteerLanguages languages;
    private final MunicipalityRepository municipalities;
    private final StaffAccounts staff;
    private final BuddyMatchService matches;
    private final AuditLog audit;
    private final ProgrammeProperties properties;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    VolunteerService(VolunteerRepository volunteers, VolunteerEventRepository events, VolunteerLanguages languages,
                     MunicipalityRepository municipalities, StaffAccounts staff, BuddyMatchService matches,
                     AuditLog audit, ProgrammeProperties properties, TransactionOperations<Connection> transactions,
                     Clock clock) {
        this.volunteers = volunteers;
        this.events = events;
        this.languages = languages;
        this.municipalities = municipalities;
        this.staff = staff;
        this.matches = matches;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The municipalities one can apply to, by name. */
    public List<Municipality> municipalities() {
        return municipalities.listOrderByName();
    }

    /** The language codes one can list, in Welkom's order. */
    public List<String> offeredLanguages() {
        return staff.offeredLanguages();
    }

    /**
     * Stores an application in state APPLIED (no account is made).
     *
     * @throws InvalidApplication when a field is missing or wrong; nothing is stored
     */
    public Volunteer apply(VolunteerApplication form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String municipalityId = text(form.municipalityId());
        if (municipalityId.isEmpty() || !municipalities.existsById(municipalityId)) {
            errors.put("municipalityId", "volunteer.error.municipality");
        }
        String firstName = name(form.firstName(), "firstName", errors);
        String lastName = name(form.lastName(), "lastName", errors);
        String email = text(form.email()).toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            errors.put("email", "volunteer.error.email.missing");
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.put("email", "volunteer.error.email.format");
        }
        String phone = text(form.phone());
        if (phone.isEmpty()) {
            errors.put("phone", "volunteer.error.phone.missing");
        } else if (phone.length() > MAX_PHONE || !PHONE.matcher(phone).matches()) {
            errors.put("phone", "volunteer.error.phone.format");
        }
        String postcode = text(form.postcode()).replace(" ", "").toUpperCase(Locale.ROOT);
        if (!postcode.isEmpty() && !POSTCODE.matcher(postcode).matches()) {
            errors.put("postcode", "volunteer.error.postcode");
        }
        int hours = form.hoursPerWeek() == null ? 0 : form.hoursPerWeek();
        if (hours < 1 || hours > MAX_HOURS) {
            errors.put("hoursPerWeek", "volunteer.error.hours");
        }
        String interests = text(form.interests());
        if (interests.codePointCount(0, interests.length()) > MAX_TEXT) {
            errors.put("interests", "volunteer.error.interests");
        }
        Set<String> prefers = new LinkedHashSet<>();
        for (String value : form.prefers() == null ? List.<String>of() : form.prefers()) {
            try {
                prefers.add(Volunteer.Preference.valueOf(text(value)).name());
            } catch (IllegalArgumentException e) {
                errors.put("prefers", "volunteer.error.prefers");
            }
        }
        String gender = text(form.gender());
        try {
            gender = Volunteer.Gender.valueOf(gender).name();
        } catch (IllegalArgumentException e) {
            errors.put("gender", "volunteer.error.gender");
        }
        int maxHouseholds = form.maxHouseholds() == null ? 0 : form.maxHouseholds();
        if (maxHouseholds < 1 || maxHouseholds > MAX_HOUSEHOLDS) {
            errors.put("maxHouseholds", "volunteer.error.maxHouseholds");
        }
        List<Volunteers.Skill> skills = skills(form.languages(), errors);
        if (!Boolean.TRUE.equals(form.consent())) {
            errors.put("consent", "volunteer.error.consent");
        }
        if (!errors.isEmpty()) {
            throw new InvalidApplication(errors);
        }
        long now = clock.millis();
        Volunteer volunteer = new Volunteer(UUID.randomUUID().toString(), municipalityId, firstName, lastName, email,
                phone, postcode.isEmpty() ? null : postcode, hours, interests, String.join(",", prefers), gender,
                maxHouseholds, VolunteerState.APPLIED, null, null, now, now);
        transactions.executeWrite(status -> {
            volunteers.save(volunteer);
            languages.save(volunteer.id(), skills);
            events.save(new VolunteerEvent(UUID.randomUUID().toString(), volunteer.id(), null, VolunteerState.APPLIED,
                    now, null, null));
            return null;
        });
        return volunteer;
    }

    /** The officer's municipality's volunteers, newest application first; only those in {@code state} when given. */
    public List<Volunteer> list(Caller officer, @Nullable VolunteerState state) {
        return volunteers.findByMunicipalityIdOrderByCreatedAtDesc(officer.municipalityId()).stream()
                .filter(v -> state == null || v.state() == state)
                .toList();
    }

    /** How many of the officer's municipality's volunteers are in each state (every state present). */
    public Map<VolunteerState, Long> counts(Caller officer) {
        Map<VolunteerState, Long> counts = new EnumMap<>(VolunteerState.class);
        for (VolunteerState state : VolunteerState.values()) {
            counts.put(state, 0L);
        }
        list(officer, null).forEach(v -> counts.merge(v.state(), 1L, Long::sum));
        return counts;
    }

    /**
     * Why the volunteer needs the coordinator's attention (message keys): an application waiting more
     * than {@value #INTAKE_WAIT_DAYS} days for its intake, a VOG older than the programme allows.
     */
    public List<String> attention(Volunteer volunteer) {
        List<String> reasons = new ArrayList<>();
        LocalDate today = today();
        if (volunteer.state() == VolunteerState.APPLIED
                && volunteer.createdAt() < clock.millis() - INTAKE_WAIT_DAYS * 86_400_000L) {
            reasons.add("volunteer.attention.intake");
        }
        if (volunteer.state().vogCounts() && volunteer.vogDate() != null
                && LocalDate.parse(volunteer.vogDate()).isBefore(oldestVog(today))) {
            reasons.add("volunteer.attention.vog");
        }
        return reasons;
    }

    /**
     * One volunteer with languages and history; audited.
     *
     * @throws ProblemException 404 when there is none in the officer's municipality
     */
    public Detail detail(Caller officer, String id) {
        Volunteer volunteer = visible(officer, id);
        audit.recordAbout(officer, AUDIT_READ, volunteer.id());
        return new Detail(volunteer, languages.of(volunteer.id()), events.findByVolunteerIdOrderByAtAsc(volunteer.id()));
    }

    /**
     * Moves a volunteer to {@code to} and records who did it. The first move to ACTIVE makes their
     * BUDDY account (returned with its one-time code); STOPPED ends their active matches and
     * deactivates the account.
     *
     * @throws ProblemException   404 out of the officer's municipality; 409 {@code invalid-transition}
     *                            when the table does not allow the step (or someone moved them first)
     * @throws InvalidApplication {@code vogDate} missing, not a date, in the future or too old; {@code note} too long
     */
    public Moved move(Caller officer, String id, @Nullable String toName, @Nullable String vogDate,
                      @Nullable String note) {
        Volunteer volunteer = visible(officer, id);
        VolunteerState to;
        try {
            to = VolunteerState.valueOf(text(toName).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidApplication(Map.of("to", "volunteer.error.to"));
        }
        if (!volunteer.state().canMoveTo(to)) {
            throw invalidTransition(volunteer.state(), to);
        }
        String cleanNote = text(note);
        Map<String, String> errors = new LinkedHashMap<>();
        if (cleanNote.codePointCount(0, cleanNote.length()) > MAX_TEXT) {
            errors.put("note", "volunteer.error.note");
        }
        String vog = volunteer.vogDate();
        if (to == VolunteerState.VOG_RECEIVED) {
            vog = vogDate(vogDate, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidApplication(errors);
        }
        String newVog = vog;
        return transactions.executeWrite(status -> {
            long now = clock.millis();
            IssuedCode code = null;
            String userId = volunteer.userId();
            if (to == VolunteerState.ACTIVE && userId == null) {
                code = staff.createBuddy(officer, volunteer.municipalityId(), volunteer.email(), volunteer.shortName(),
                        languages.of(volunteer.id()).stream().map(Volunteers.Skill::lang).toList());
                userId = code.userId();
            }
            if (volunteers.move(volunteer.id(), volunteer.state().name(), to.name(), newVog, userId, now) != 1) {
                throw invalidTransition(volunteer.state(), to);
            }
            if (to == VolunteerState.STOPPED && userId != null) {
                matches.endAllOf(officer, userId);
                staff.deactivateAccount(officer, userId);
            }
            events.save(new VolunteerEvent(UUID.randomUUID().toString(), volunteer.id(), volunteer.state(), to, now,
                    officer.userId(), cleanNote.isEmpty() ? null : cleanNote));
            audit.recordAbout(officer, AUDIT_MOVE, volunteer.id());
            Volunteer moved = volunteers.findById(volunteer.id()).orElseThrow();
            return new Moved(new Detail(moved, languages.of(moved.id()), events.findByVolunteerIdOrderByAtAsc(moved.id())),
                    code);
        });
    }

    /** The oldest VOG date the programme accepts today. */
    LocalDate oldestVog(LocalDate today) {
        return today.minusMonths(properties.vogMaxAgeMonths());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(AMSTERDAM));
    }

    private String vogDate(@Nullable String value, Map<String, String> errors) {
        String text = text(value);
        if (text.isEmpty()) {
            errors.put("vogDate", "volunteer.error.vog.missing");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put("vogDate", "volunteer.error.vog.format");
            return null;
        }
        LocalDate today = today();
        if (date.isAfter(today)) {
            errors.put("vogDate", "volunteer.error.vog.future");
        } else if (date.isBefore(oldestVog(today))) {
            errors.put("vogDate", "volunteer.error.vog.old");
        }
        return date.toString();
    }

    private Volunteer visible(Caller officer, String id) {
        return volunteers.findById(id)
                .filter(v -> v.municipalityId().equals(officer.municipalityId()))
                .orElseThrow(ProblemException::notFound);
    }

    private List<Volunteers.Skill> skills(@Nullable List<VolunteerApplication.LanguageLine> lines,
                                          Map<String, String> errors) {
        Map<String, Volunteers.Skill> chosen = new LinkedHashMap<>();
        List<String> offered = offeredLanguages();
        for (VolunteerApplication.LanguageLine line : lines == null ? List.<VolunteerApplication.LanguageLine>of() : lines) {
            if (line == null || text(line.lang()).isEmpty()) {
                continue;
            }
            String lang = text(line.lang()).toLowerCase(Locale.ROOT);
            Volunteer.Level level;
            try {
                level = Volunteer.Level.valueOf(text(line.level()));
            } catch (IllegalArgumentException e) {
                errors.put("languages", "volunteer.error.languages.level");
                continue;
            }
            if (!offered.contains(lang)) {
                errors.put("languages", "volunteer.error.languages.unknown");
                continue;
            }
            chosen.put(lang, new Volunteers.Skill(lang, level));
        }
        if (chosen.isEmpty() && !errors.containsKey("languages")) {
            errors.put("languages", "volunteer.error.languages.missing");
        } else if (chosen.size() > MAX_LANGUAGES) {
            errors.put("languages", "volunteer.error.languages.many");
        }
        return new ArrayList<>(chosen.values());
    }

    private static String name(@Nullable String value, String field, Map<String, String> errors) {
        String name = text(value);
        if (name.isEmpty()) {
            errors.put(field, "volunteer.error.name.missing");
        } else if (name.length() > MAX_NAME) {
            errors.put(field, "volunteer.error.name.long");
        }
        return name;
    }

    private static ProblemException invalidTransition(VolunteerState from, VolunteerState to) {
        return new ProblemException(HttpStatus.CONFLICT, "invalid-transition", "Invalid transition",
                "A volunteer in state " + from + " cannot move to " + to + ".");
    }

    /** Trimmed, control characters as spaces. */
    static String text(@Nullable String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").trim();
    }

    /** A volunteer with the languages they speak and their history, oldest step first. */
    public record Detail(Volunteer volunteer, List<Volunteers.Skill> languages, List<VolunteerEvent> events) {
    }

    /** The result of a step: the volunteer as they are now and, on their first ACTIVE, their new account's code. */
    public record Moved(Detail detail, @Nullable IssuedCode code) {
    }
}
