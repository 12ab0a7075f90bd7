package nl.welkom.model.appointment;

import java.util.List;

/**
 * An appointment of a household (or some of its members) with an officer, a family friend or
 * another organisation, as phones receive it in the pull (docs/sync.md, "Appointments").
 * Times are ISO-8601 instants; the phone shows them in Europe/Amsterdam.
 *
 * @param id                  UUID
 * @param householdId         the household
 * @param memberIds           the members it is for; empty = the whole household
 * @param type                what it is for
 * @param purpose             what it is about, in plain words as the officer wrote it (Dutch)
 * @param startsAt            start, ISO instant
 * @param endsAt              end, ISO instant, after {@code startsAt}
 * @param placeId             one of the municipality's places ({@code GET /api/places}), or null
 * @param address             an address when it is not one of the places, or null
 * @param byPhone             true when it is a phone call (no place)
 * @param bring               what to bring, or null
 * @param interpreterLanguage language code of the interpreter arranged, or null when none
 * @param withName            the name of the person they meet (staff or family friend), or null
 * @param status              planned or cancelled
 * @param answer              the family's answer
 * @param answerNote          the family's note with the answer (when suits them), or null
 * @param sequence            raised on every change of time, place or status (as iCalendar's SEQUENCE): a phone
 *                            shows an appointment whose sequence rose since it was last seen as changed
 * @param version             server version, base of the family's answer
 */
public record Appointment(
        String id,
        String householdId,
        List<String> memberIds,
        AppointmentType type,
        String purpose,
        String startsAt,
        String endsAt,
        String placeId,
        String address,
        boolean byPhone,
        String bring,
        String interpreterLanguage,
        String withName,
        AppointmentStatus status,
        AppointmentAnswer answer,
        String answerNote,
        int sequence,
        long version) {
}
