package nl.welkom.client.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import nl.welkom.client.Appointments;
import nl.welkom.client.Welkom;

/**
 * Times as the reader sees them: in Europe/Amsterdam, where the family lives, with day and month
 * names in the reader's first language.
 */
final class ReaderTime {
    private ReaderTime() {
    }

    /** "dinsdag 24 november" in the reader's language. */
    static String day(Welkom welkom, ZonedDateTime at) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", locale(welkom)).format(at);
    }

    /** "10:00", the same in every language. */
    static String time(ZonedDateTime at) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(at);
    }

    /** "dinsdag 24 november 10:00": an instant (ISO-8601) in Europe/Amsterdam; empty for none. */
    static String dayAndTime(Welkom welkom, String instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = Instant.parse(instant).atZone(Appointments.ZONE);
        return day(welkom, at) + " " + time(at);
    }

    /** "18 december 2026" in the reader's language, from an ISO date; the text as given if it is not one. */
    static String date(Welkom welkom, String isoDate) {
        try {
            return DateTimeFormatter.ofPattern("d MMMM yyyy", locale(welkom)).format(LocalDate.parse(isoDate));
        } catch (DateTimeParseException e) {
            return isoDate == null ? "" : isoDate;
        }
    }

    /** The reader's first language as a locale for day and month names (Dari as Afghan Persian). */
    static Locale locale(Welkom welkom) {
        List<String> chain = welkom.languages();
        String code = chain.isEmpty() ? "en" : chain.get(0);
        return Locale.forLanguageTag("prs".equals(code) ? "fa-AF" : code);
    }
}
