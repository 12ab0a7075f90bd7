package nl.welkom.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.welkom.audit.AuditLog;
import nl.welkom.auth.AppUser;
import nl.welkom.auth.AppUserRepository;
import nl.welkom.auth.Caller;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdScope;
import nl.welkom.household.MemberRepository;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.problem.ProblemException;

/**
 * Appointments of households (docs/appointments.md): made and changed by the household's officers
 * and its matched family friend, read by them and by the household's own phone, answered by the
 * phone through a pushed {@code APPOINTMENT_ANSWER}. Every write takes a change-sequence value so
 * phones pull it; every read and write is audited.
 */
@Singleton
public class AppointmentService {
    static final int MAX_PURPOSE = 500;
    static final int MAX_TEXT = 500;
    static final int MAX_NOTE = 500;
    private static final Duration PAST_ALLOWED = Duration.ofDays(1);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final AppointmentRepository appointments;
    private final HouseholdScope scope;
    private final MemberRepository members;
    private final AppUserRepository users;
    private final ChangeSequence sequence;
    private final AuditLog audit;
    private final Clock clock;

    AppointmentService(AppointmentRepository appointments, HouseholdScope scope, MemberRepository members,
                       AppUserRepository users, ChangeSequence sequence, AuditLog audit, Clock clock) {
        this.appointments = appointments;
        this.scope = scope;
        this.members = members;
        this.users = users;
        this.sequence = sequence;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's appointments, earliest first; 404 out of scope. Audited. */
    @Transactional
    public List<Appointment> list(Caller caller, String householdId) {
        scope.requireVisible(caller, householdId);
        audit.record(caller, AppointmentAudit.LIST, householdId);
        return appointments.findByHouseholdIdOrderByStartsAt(householdId).stream()
                .map(AppointmentEntity::asModel).toList();
    }

    /** The household's appointments from {@code from} on, for the dashboard; the caller may see it. */
    @Transactional
    public List<AppointmentEntity> upcoming(Caller caller, String householdId, long from) {
        scope.requireVisible(caller, householdId);
        audit.record(caller, AppointmentAudit.LIST, householdId);
        return appointments.findByHouseholdIdInAndStartsAtGreaterThanEqualsOrderByStartsAt(List.of(householdId), from);
    }

    /** One appointment the caller may see; 404 otherwise. Audited. */
    @Transactional
    public AppointmentEntity read(Caller caller, String appointmentId) {
        AppointmentEntity appointment = visible(caller, appointmentId);
        audit.record(caller, AppointmentAudit.READ, appointment.householdId());
        return appointment;
    }

    /** A new appointment for the household. */
    @Transactional
    public Appointment create(Caller caller, String householdId, AppointmentCommand command) {
        HouseholdEntity household = scope.requireVisible(caller, householdId);
        Valid valid = validate(household, command);
        long now = clock.millis();
        String withName = valid.withName() != null ? valid.withName() : displayName(caller);
        AppointmentEntity made = new AppointmentEntity(UUID.randomUUID().toString(), householdId,
                String.join(",", valid.memberIds()), command.type(), valid.purpose(), valid.startsAt(), valid.endsAt(),
                valid.placeId(), valid.address(), valid.byPhone(), valid.bring(), valid.interpreterLanguage(),
                caller.userId(), withName, AppointmentStatus.PLANNED, AppointmentAnswer.NONE, null, null, 0, 1,
                sequence.next(), now, caller.actorId(), now);
        appointments.save(made);
        audit.record(caller, AppointmentAudit.CREATE, householdId);
        return made.asModel();
    }

    /**
     * Moves or edits an appointment: a change of time, place or phone raises {@code sequence} and
     * clears the family's answer (they answer the new time); every change raises {@code version}.
     */
    @Transactional
    public Appointment update(Caller caller, String appointmentId, AppointmentCommand command) {
        AppointmentEntity old = visible(caller, appointmentId);
        if (old.status() == AppointmentStatus.CANCELLED) {
            throw ProblemException.badRequest("A cancelled appointment cannot be changed; make a new one.");
        }
        HouseholdEntity household = scope.requireVisible(caller, old.householdId());
        Valid valid = validate(household, command);
        boolean moved = old.startsAt() != valid.startsAt() || old.endsAt() != valid.endsAt()
                || !Objects.equals(old.placeId(), valid.placeId()) || !Objects.equals(old.address(), valid.address())
                || old.byPhone() != valid.byPhone();
        long now = clock.millis();
        String withName = valid.withName() != null ? valid.withName() : old.withName();
        AppointmentEntity changed = new AppointmentEntity(old.id(), old.householdId(),
                String.join(",", valid.memberIds()), command.type(), valid.purpose(), valid.startsAt(), valid.endsAt(),
                valid.placeId(), valid.address(), valid.byPhone(), valid.bring(), valid.interpreterLanguage(),
                old.withUserId(), withName, old.status(), moved ? AppointmentAnswer.NONE : old.answer(),
                moved ? null : old.answerNote(), moved ? null : old.answeredAt(),
                moved ? old.sequence() + 1 : old.sequence(), old.version() + 1, sequence.next(), old.createdAt(),
                old.createdBy(), now);
        appointments.update(changed);
        audit.record(caller, AppointmentAudit.CHANGE, old.householdId());
        return changed.asModel();
    }

    /** Cancels an appointment (status CANCELLED, sequence raised); cancelling twice changes nothing more. */
    @Transactional
    public Appointment cancel(Caller caller, String appointmentId) {
        AppointmentEntity old = visible(caller, appointmentId);
        if (old.status() == AppointmentStatus.CANCELLED) {
            return old.asModel();
        }
        AppointmentEntity cancelled = old.cancelled(clock.millis(), sequence.next());
        appointments.update(cancelled);
        audit.record(caller, AppointmentAudit.CANCEL, old.householdId());
        return cancelled.asModel();
    }

    /** What applying a pushed answer did. */
    public record Applied(MutationOutcome outcome, @Nullable String detail) {
    }

    /**
     * Applies a pushed {@code APPOINTMENT_ANSWER} in the caller's (the push's) transaction: only the
     * household's own device may answer; a later answer replaces an earlier one.
     */
    @Transactional
    public Applied applyAnswer(Caller caller, String appointmentId, @Nullable String value) {
        AppointmentEntity appointment = appointmentId == null ? null : appointments.findById(appointmentId).orElse(null);
        if (appointment == null || !caller.isDevice()
                || !Objects.equals(caller.householdId(), appointment.householdId())) {
            return new Applied(MutationOutcome.REJECTED, "No such appointment.");
        }
        if (appointment.status() == AppointmentStatus.CANCELLED) {
            return new Applied(MutationOutcome.REJECTED, "The appointment is cancelled.");
        }
        if (value == null || value.isBlank()) {
            return new Applied(MutationOutcome.REJECTED, "An answer is required.");
        }
        int colon = value.indexOf(':');
        String word = colon < 0 ? value : value.substring(0, colon);
        String note = colon < 0 ? null : value.substring(colon + 1).strip();
        AppointmentAnswer answer;
        try {
            answer = AppointmentAnswer.valueOf(word.strip());
        } catch (IllegalArgumentException e) {
            answer = AppointmentAnswer.NONE;
        }
        if (answer == AppointmentAnswer.NONE) {
            return new Applied(MutationOutcome.REJECTED, "The answer must be CONFIRMED, CANNOT_COME or ASK_TO_MOVE.");
        }
        if (note != null && note.length() > MAX_NOTE) {
            return new Applied(MutationOutcome.REJECTED, "The note is longer than " + MAX_NOTE + " characters.");
        }
        long now = clock.millis();
        appointments.update(appointment.answered(answer, note == null || note.isEmpty() ? null : note, now,
                sequence.next()));
        audit.record(caller, AppointmentAudit.ANSWER, appointment.householdId());
        return new Applied(MutationOutcome.APPLIED, null);
    }

    private AppointmentEntity visible(Caller caller, String appointmentId) {
        AppointmentEntity appointment = appointments.findById(appointmentId).orElseThrow(ProblemException::notFound);
        if (!scope.canSee(caller, appointment.householdId())) {
            throw ProblemException.notFound();
        }
        return appointment;
    }

    private String displayName(Caller caller) {
        return caller.userId() == null ? null
                : users.findById(caller.userId()).map(AppUser::displayName).orElse(null);
    }

    /** A command checked against the household, values trimmed. */
    private record Valid(List<String> memberIds, String purpose, long startsAt, long endsAt, @Nullable String placeId,
                         @Nullable String address, boolean byPhone, @Nullable String bring,
                         @Nullable String interpreterLanguage, @Nullable String withName) {
    }

    private Valid validate(HouseholdEntity household, AppointmentCommand command) {
        if (command == null || command.type() == null) {
            throw ProblemException.badRequest("type is required.");
        }
        String purpose = trimmed(command.purpose());
        if (purpose == null) {
            throw ProblemException.badRequest("purpose is required.");
        }
        if (purpose.length() > MAX_PURPOSE) {
            throw ProblemException.badRequest("purpose is longer than " + MAX_PURPOSE + " characters.");
        }
        long startsAt = instant("startsAt", command.startsAt());
        long endsAt = instant("endsAt", command.endsAt());
        if (endsAt <= startsAt) {
            throw ProblemException.badRequest("endsAt must be after startsAt.");
        }
        if (startsAt < clock.millis() - PAST_ALLOWED.toMillis()) {
            throw ProblemException.badRequest("startsAt lies more than a day in the past.");
        }
        Set<String> memberIds = new LinkedHashSet<>();
        if (command.memberIds() != null) {
            Set<String> known = new LinkedHashSet<>();
            members.findByHouseholdIdInOrderBySortOrder(List.of(household.id()))
                    .forEach(member -> known.add(member.id()));
            for (String memberId : command.memberIds()) {
                if (memberId == null || !known.contains(memberId)) {
                    throw ProblemException.badRequest("memberIds holds an id that is not a member of this household.");
                }
                memberIds.add(memberId);
            }
        }
        String placeId = trimmed(command.placeId());
        if (placeId != null && appointments.countPlaces(placeId, household.municipalityId()) == 0) {
            throw ProblemException.badRequest("placeId is not one of the municipality's places.");
        }
        String address = text("address", command.address());
        boolean byPhone = Boolean.TRUE.equals(command.byPhone());
        if (byPhone && (placeId != null || address != null)) {
            throw ProblemException.badRequest("A phone appointment has no placeId and no address.");
        }
        String language = trimmed(command.interpreterLanguage());
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw ProblemException.badRequest("interpreterLanguage must be a language code such as ar or ti.");
        }
        return new Valid(List.copyOf(memberIds), purpose, startsAt, endsAt, placeId, address, byPhone,
                text("bring", command.bring()), language, text("withName", command.withName()));
    }

    private static long instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required.");
        }
        try {
            return Instant.parse(value.strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant().toEpochMilli();
            } catch (DateTimeParseException again) {
                throw ProblemException.badRequest(field + " must be an ISO-8601 instant such as 2026-12-04T09:30:00Z.");
            }
        }
    }

    @Nullable
    private static String text(String field, @Nullable String value) {
        String text = trimmed(value);
        if (text != null && text.length() > MAX_TEXT) {
            throw ProblemException.badRequest(field + " is longer than " + MAX_TEXT + " characters.");
        }
        return text;
    }

    @Nullable
    private static String trimmed(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.isEmpty() ? null : text;
    }
}
