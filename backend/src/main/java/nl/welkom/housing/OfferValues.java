package nl.welkom.housing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;

/**
 * A housing offer as an officer entered it, checked field by field ({@link #check}):
 * <ul>
 *   <li>street, house number, postcode and city are required; a Dutch postcode ({@code 8011 PK},
 *       spaces and case free) is stored as {@code 8011 PK};</li>
 *   <li>dates are ISO dates between 2000 and 2100; the move-in date is not before the offer;</li>
 *   <li>a DECLINED offer needs a reason from {@link DeclineReason}, and {@code OTHER} a note; other
 *       statuses take no reason; DECLINED and WITHDRAWN offers take no move-in date.</li>
 * </ul>
 */
record OfferValues(
        String street,
        String houseNumber,
        String postcode,
        String city,
        LocalDate offeredOn,
        @Nullable Integer rooms,
        OfferStatus status,
        @Nullable DeclineReason declineReason,
        @Nullable String note,
        @Nullable LocalDate moveInOn) {

    static final int STREET_MAX = 100;
    static final int HOUSE_NUMBER_MAX = 12;
    static final int CITY_MAX = 60;
    static final int NOTE_MAX = 1000;
    static final int ROOMS_MAX = 20;
    /** Four digits not starting with 0, two letters; SA, SD and SS are not issued. */
    private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3})\\s*([A-Z]{2})");
    /** A number first, then what follows it in Dutch addresses: {@code 12}, {@code 12A}, {@code 12-3}, {@code 12 bis}. */
    private static final Pattern HOUSE_NUMBER = Pattern.compile("[1-9][0-9]{0,5}[ -]?[A-Za-z0-9 ]{0,6}");

    /** @throws InvalidInput naming each wrong field */
    static OfferValues check(@Nullable String street, @Nullable String houseNumber, @Nullable String postcode,
                             @Nullable String city, @Nullable String offeredOn, @Nullable String rooms,
                             @Nullable String status, @Nullable String declineReason, @Nullable String note,
                             @Nullable String moveInOn) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String cleanStreet = Checks.text(errors, "street", street, STREET_MAX, true);
        String cleanNumber = Checks.text(errors, "houseNumber", houseNumber, HOUSE_NUMBER_MAX, true);
        if (cleanNumber != null && !HOUSE_NUMBER.matcher(cleanNumber).matches()) {
            errors.add("houseNumber", "housing.error.houseNumber");
        }
        String cleanPostcode = postcode(errors, postcode);
        String cleanCity = Checks.text(errors, "city", city, CITY_MAX, true);
        LocalDate offered = Checks.date(errors, "offeredOn", offeredOn, true);
        Integer roomCount = Checks.wholeNumber(errors, "rooms", rooms, 1, ROOMS_MAX, false, "housing.error.rooms");
        OfferStatus offerStatus = status(errors, status);
        DeclineReason reason = reason(errors, declineReason, offerStatus);
        String cleanNote = Checks.text(errors, "note", note, NOTE_MAX, false);
        if (reason == DeclineReason.OTHER && cleanNote == null && !errors.has("note")) {
            errors.add("note", "housing.error.note.other");
        }
        LocalDate moveIn = Checks.date(errors, "moveInOn", moveInOn, false);
        if (moveIn != null && (offerStatus == OfferStatus.DECLINED || offerStatus == OfferStatus.WITHDRAWN)) {
            errors.add("moveInOn", "housing.error.moveIn.status");
        } else if (moveIn != null && offered != null && moveIn.isBefore(offered)) {
            errors.add("moveInOn", "housing.error.moveIn.beforeOffer");
        }
        errors.throwIfAny();
        return new OfferValues(cleanStreet, cleanNumber, cleanPostcode, cleanCity, offered, roomCount, offerStatus,
                reason, cleanNote, moveIn);
    }

    @Nullable
    private static String postcode(InvalidInput.Collector errors, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add("postcode", "housing.error.required");
            return null;
        }
        Matcher matcher = POSTCODE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches() || matcher.group(2).matches("S[ADS]")) {
            errors.add("postcode", "housing.error.postcode");
            return null;
        }
        return matcher.group(1) + " " + matcher.group(2);
    }

    @Nullable
    private static OfferStatus status(InvalidInput.Collector errors, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add("status", "housing.error.required");
            return null;
        }
        try {
            return OfferStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("status", "housing.error.status");
            return null;
        }
    }

    @Nullable
    private static DeclineReason reason(InvalidInput.Collector errors, @Nullable String value,
                                        @Nullable OfferStatus status) {
        boolean given = value != null && !value.isBlank();
        if (status == OfferStatus.DECLINED && !given) {
            errors.add("declineReason", "housing.error.declineReason.required");
            return null;
        }
        if (!given) {
            return null;
        }
        if (status != null && status != OfferStatus.DECLINED) {
            errors.add("declineReason", "housing.error.declineReason.onlyDeclined");
            return null;
        }
        try {
            return DeclineReason.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("declineReason", "housing.error.declineReason.unknown");
            return null;
        }
    }
}
