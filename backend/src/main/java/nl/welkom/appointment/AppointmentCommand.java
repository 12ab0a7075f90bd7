package nl.welkom.appointment;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.welkom.model.appointment.AppointmentType;

/**
 * Body of {@code POST /api/households/{id}/appointments} and {@code PUT /api/appointments/{id}}:
 * the whole appointment as the staff member wants it. Times are ISO-8601 instants (or with an offset).
 *
 * @param memberIds           members it is for; null or empty = the whole household
 * @param placeId             one of the municipality's places, or null
 * @param address             an address when it is not one of the places, or null
 * @param byPhone             a phone call (then no place and no address)
 * @param interpreterLanguage language code of an interpreter arranged, or null
 * @param withName            whom they meet; null = the staff member making it
 */
@Serdeable
public record AppointmentCommand(
        @Nullable AppointmentType type,
        @Nullable String purpose,
        @Nullable String startsAt,
        @Nullable String endsAt,
        @Nullable List<String> memberIds,
        @Nullable String placeId,
        @Nullable String address,
        @Nullable Boolean byPhone,
        @Nullable String bring,
        @Nullable String interpreterLanguage,
        @Nullable String withName) {
}
