package nl.welkom.appointment;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.welkom.model.appointment.Appointment;
import nl.welkom.model.appointment.AppointmentAnswer;
import nl.welkom.model.appointment.AppointmentStatus;
import nl.welkom.model.appointment.AppointmentType;

/**
 * An appointment row (V14). {@code sequence} rises on every change of time, place or status (as
 * iCalendar's SEQUENCE); {@code version} on every write; {@code changeSeq} is the change-sequence
 * value of the last write, by which phones pull.
 *
 * @param memberIds comma-separated member ids; empty = the whole household
 */
@MappedEntity("appointment")
public record AppointmentEntity(
        @Id String id,
        String householdId,
        String memberIds,
        AppointmentType type,
        String purpose,
        long startsAt,
        long endsAt,
        @Nullable String placeId,
        @Nullable String address,
        boolean byPhone,
        @Nullable String bring,
        @Nullable String interpreterLanguage,
        @Nullable String withUserId,
        @Nullable String withName,
        AppointmentStatus status,
        AppointmentAnswer answer,
        @Nullable String answerNote,
        @Nullable Long answeredAt,
        int sequence,
        long version,
        long changeSeq,
        long createdAt,
        String createdBy,
        long updatedAt) {

    /** The member ids as a list. */
    public List<String> members() {
        return memberIds.isEmpty() ? List.of() : Arrays.asList(memberIds.split(","));
    }

    /** The wire form. */
    public Appointment asModel() {
        return new Appointment(id, householdId, List.copyOf(members()), type, purpose,
                Instant.ofEpochMilli(startsAt).toString(), Instant.ofEpochMilli(endsAt).toString(), placeId, address,
                byPhone, bring, interpreterLanguage, withName, status, answer, answerNote, sequence, version);
    }

    /** This appointment with the family's answer, one version later, stamped with {@code seq}. */
    AppointmentEntity answered(AppointmentAnswer newAnswer, @Nullable String note, long now, long seq) {
        return new AppointmentEntity(id, householdId, memberIds, type, purpose, startsAt, endsAt, placeId, address,
                byPhone, bring, interpreterLanguage, withUserId, withName, status, newAnswer, note, now, sequence,
                version + 1, seq, createdAt, createdBy, now);
    }

    /** This appointment cancelled: sequence and version raised, stamped with {@code seq}. */
    AppointmentEntity cancelled(long now, long seq) {
        return new AppointmentEntity(id, householdId, memberIds, type, purpose, startsAt, endsAt, placeId, address,
                byPhone, bring, interpreterLanguage, withUserId, withName, AppointmentStatus.CANCELLED, answer,
                answerNote, answeredAt, sequence + 1, version + 1, seq, createdAt, createdBy, now);
    }
}
