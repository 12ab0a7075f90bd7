package nl.welkom.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.household.SelectionRoute;
import nl.welkom.household.SpecialNeedKind;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;

/**
 * The one set of rules for what an officer records, used by the API, the dashboard forms and the CSV
 * import alike: required fields, lengths, ISO country codes, language codes of the {@code language}
 * table, sane dates (arrivals 2000 to 2100, births from 1900 and not in the future), the reference's
 * form, and the enum values (by name, or the Dutch words a COA list uses: {@code azc},
 * {@code selectiemissie}, {@code medisch}...). It never touches the database except for the language
 * codes; uniqueness of references is {@link CaseFiles}' business.
 */
@Singleton
final class CaseFileRules {
    static final int NAME_MAX = 100;
    static final int REFERENCE_MAX = 40;
    static final int PLACE_MAX = 200;
    static final int NOTE_MAX = 1000;
    static final LocalDate FIRST_ARRIVAL = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_ARRIVAL = LocalDate.of(2100, 12, 31);
    static final int FIRST_BIRTH_YEAR = 1900;

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final DateTimeFormatter DUTCH_DATE =
            DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static final Map<String, SelectionRoute> ROUTES = aliases(SelectionRoute.class, Map.of(
            "SELECTIEMISSIE", SelectionRoute.SELECTION_MISSION, "MISSIE", SelectionRoute.SELECTION_MISSION));
    private static final Map<String, ArrivalPath> PATHS = aliases(ArrivalPath.class, Map.of(
            "AZC", ArrivalPath.RECEPTION_CENTRE, "OPVANG", ArrivalPath.RECEPTION_CENTRE,
            "OPVANGLOCATIE", ArrivalPath.RECEPTION_CENTRE, "VIA_AZC", ArrivalPath.RECEPTION_CENTRE,
            "DIRECT_NAAR_GEMEENTE", ArrivalPath.DIRECT));
    private static final Map<String, JourneyStage> STAGES = aliases(JourneyStage.class, Map.of(
            "GESELECTEERD", JourneyStage.SELECTED, "VOORBEREIDING", JourneyStage.PRE_DEPARTURE,
            "ONDERWEG", JourneyStage.TRAVEL, "AANGEKOMEN", JourneyStage.ARRIVAL, "AANKOMST", JourneyStage.ARRIVAL,
            "HUISVESTING", JourneyStage.HOUSING_AND_REGISTRATION, "INBURGERING", JourneyStage.CIVIC_INTEGRATION,
            "GEVESTIGD", JourneyStage.SETTLED));
    private static final Map<String, SpecialNeedKind> NEEDS = aliases(SpecialNeedKind.class, Map.ofEntries(
            Map.entry("MEDISCH", SpecialNeedKind.MEDICAL), Map.entry("PSYCHISCH", SpecialNeedKind.TRAUMA),
            Map.entry("BEPERKING", SpecialNeedKind.DISABILITY), Map.entry("AMV", SpecialNeedKind.UNACCOMPANIED_MINOR),
            Map.entry("ALLEENSTAANDE_MINDERJARIGE", SpecialNeedKind.UNACCOMPANIED_MINOR),
            Map.entry("ALLEENSTAANDE_OUDER", SpecialNeedKind.SINGLE_PARENT),
            Map.entry("ZWANGERSCHAP", SpecialNeedKind.PREGNANCY), Map.entry("ZWANGER", SpecialNeedKind.PREGNANCY),
            Map.entry("OUDERE", SpecialNeedKind.ELDERLY), Map.entry("ANDERS", SpecialNeedKind.OTHER)));

    private final LanguageCodes languageCodes;
    private final Clock clock;

    CaseFileRules(LanguageCodes languageCodes, Clock clock) {
        this.languageCodes = languageCodes;
        this.clock = clock;
    }

    /** The known languages, code to the table's (English) name, in the table's order. */
    Map<String, String> languageNames() {
        return languageCodes.names();
    }

    /** The language codes values are checked against, in the table's order. */
    List<String> knownLanguages() {
        return languageCodes.codes();
    }

    /**
     * The household's fields, or null when one breaks a rule; every broken rule is added to
     * {@code errors}. On create the reference and the stage may be left out.
     */
    @Nullable
    Facts.Household household(HouseholdCommand command, boolean creating, Set<String> known,
                              List<FieldError> errors) {
        int before = errors.size();
        String reference = reference(command.reference(), !creating, errors);
        String displayName = text("displayName", command.displayName(), NAME_MAX, true, errors);
        String nationality = country("nationality", command.nationality(), errors);
        String camp = text("campOfOrigin", command.campOfOrigin(), PLACE_MAX, false, errors);
        SelectionRoute route = choice("selectionRoute", command.selectionRoute(), ROUTES, SelectionRoute.values(),
                false, errors);
        LocalDate expected = arrivalDate("expectedArrival", command.expectedArrival(), errors);
        LocalDate arrived = arrivalDate("arrivedOn", command.arrivedOn(), errors);
        ArrivalPath path = choice("arrivalPath", command.arrivalPath(), PATHS, ArrivalPath.values(), true, errors);
        String location = text("receptionLocation", command.receptionLocation(), PLACE_MAX, false, errors);
        JourneyStage stage = choice("stage", command.stage(), STAGES, JourneyStage.values(), !creating, errors);
        List<String> languages = languages("languages", command.languages(), known, true, errors);
        if (errors.size() > before) {
            return null;
        }
        return new Facts.Household(reference, displayName, nationality, camp, route, expected, arrived, path, location,
                stage == null ? JourneyStage.SELECTED : stage, languages);
    }

    /** A member's fields, or null when one breaks a rule; field names get {@code prefix} ({@code members[0].}). */
    @Nullable
    Facts.Member member(MemberCommand command, String prefix, Set<String> known, List<FieldError> errors) {
        int before = errors.size();
        String displayName = text(prefix + "displayName", command.displayName(), NAME_MAX, true, errors);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        Integer birthYear = command.birthYear();
        if (birthYear != null && (birthYear < FIRST_BIRTH_YEAR || birthYear > today.getYear())) {
            errors.add(FieldError.of(prefix + "birthYear", Invalid.BIRTH_YEAR, FIRST_BIRTH_YEAR, today.getYear()));
        }
        LocalDate birthDate = date(prefix + "birthDate", command.birthDate(), LocalDate.of(FIRST_BIRTH_YEAR, 1, 1),
                today, errors);
        if (birthDate != null && birthYear != null && birthDate.getYear() != birthYear) {
            errors.add(FieldError.of(prefix + "birthYear", Invalid.BIRTH_YEAR_MISMATCH));
        }
        String nationality = country(prefix + "nationality", command.nationality(), errors);
        List<String> languages = languages(prefix + "languages", command.languages(), known, false, errors);
        if (errors.size() > before) {
            return null;
        }
        return new Facts.Member(displayName, birthDate != null ? Integer.valueOf(birthDate.getYear()) : birthYear,
                birthDate, nationality, languages);
    }

    /** A special need's kind and note; whether the member belongs to the household is the caller's check. */
    @Nullable
    Facts.Need need(SpecialNeedCommand command, List<FieldError> errors) {
        int before = errors.size();
        SpecialNeedKind kind = needKind("kind", command.kind(), errors);
        String note = note("note", command.note(), errors);
        String memberId = blankToNull(command.memberId());
        return errors.size() > before ? null : new Facts.Need(kind, memberId, -1, note);
    }

    /** A need kind by name or Dutch word ({@code medisch}); required. */
    @Nullable
    SpecialNeedKind needKind(String field, @Nullable String value, List<FieldError> errors) {
        return choice(field, value, NEEDS, SpecialNeedKind.values(), true, errors);
    }

    /** A free-text note: at most {@value #NOTE_MAX} characters, line breaks kept; blank is null. */
    @Nullable
    String note(String field, @Nullable String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        String note = value.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
        if (note.isEmpty()) {
            return null;
        }
        if (note.length() > NOTE_MAX) {
            errors.add(FieldError.of(field, Invalid.TOO_LONG, NOTE_MAX));
            return null;
        }
        return note;
    }

    /** A date as ISO ({@code 2026-12-04}) or Dutch ({@code 4-12-2026}); null for blank, or when unreadable. */
    @Nullable
    static LocalDate parseDate(@Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text, DUTCH_DATE);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** Single-line text: trimmed, runs of white space (line breaks, tabs) as one space; blank is null. */
    @Nullable
    static String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.replaceAll("[\\s\\p{Cc}]+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Nullable
    private static String reference(@Nullable String value, boolean required, List<FieldError> errors) {
        String reference = clean(value);
        if (reference == null) {
            if (required) {
                errors.add(FieldError.of("reference", Invalid.REQUIRED));
            }
            return null;
        }
        if (reference.length() > REFERENCE_MAX) {
            errors.add(FieldError.of("reference", Invalid.TOO_LONG, REFERENCE_MAX));
            return null;
        }
        if (!REFERENCE.matcher(reference).matches()) {
            errors.add(FieldError.of("reference", Invalid.REFERENCE));
            return null;
        }
        return reference;
    }

    @Nullable
    private static String text(String field, @Nullable String value, int max, boolean required,
                               List<FieldError> errors) {
        String text = clean(value);
        if (text == null) {
            if (required) {
                errors.add(FieldError.of(field, Invalid.REQUIRED));
            }
            return null;
        }
        if (text.length() > max) {
            errors.add(FieldError.of(field, Invalid.TOO_LONG, max));
            return null;
        }
        return text;
    }

    @Nullable
    private static String country(String field, @Nullable String value, List<FieldError> errors) {
        String code = clean(value);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            errors.add(FieldError.of(field, Invalid.COUNTRY));
            return null;
        }
        return code;
    }

    @Nullable
    private static LocalDate arrivalDate(String field, @Nullable String value, List<FieldError> errors) {
        return date(field, value, FIRST_ARRIVAL, LAST_ARRIVAL, errors);
    }

    @Nullable
    private static LocalDate date(String field, @Nullable String value, LocalDate first, LocalDate last,
                                  List<FieldError> errors) {
        if (blankToNull(value) == null) {
            return null;
        }
        LocalDate date = parseDate(value);
        if (date == null) {
            errors.add(FieldError.of(field, Invalid.DATE));
            return null;
        }
        if (date.isBefore(first) || date.isAfter(last)) {
            errors.add(FieldError.of(field, Invalid.DATE_RANGE, first, last));
            return null;
        }
        return date;
    }

    private static List<String> languages(String field, @Nullable List<String> values, Set<String> known,
                                          boolean required, List<FieldError> errors) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String code = clean(value);
            if (code == null) {
                continue;
            }
            code = code.toLowerCase(Locale.ROOT);
            if (known.contains(code)) {
                codes.add(code);
            } else {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(FieldError.of(field, Invalid.LANGUAGE, String.join(", ", unknown), String.join(", ", known)));
        } else if (required && codes.isEmpty()) {
            errors.add(FieldError.of(field, Invalid.LANGUAGES_REQUIRED));
        }
        return List.copyOf(codes);
    }

    @Nullable
    private static <E extends Enum<E>> E choice(String field, @Nullable String value, Map<String, E> accepted,
                                                E[] documented, boolean required, List<FieldError> errors) {
        String text = clean(value);
        if (text == null) {
            if (required) {
                errors.add(FieldError.of(field, Invalid.REQUIRED));
            }
            return null;
        }
        E found = accepted.get(normalise(text));
        if (found == null) {
            errors.add(FieldError.of(field, Invalid.CHOICE,
                    Stream.of(documented).map(Enum::name).collect(Collectors.joining(", "))));
        }
        return found;
    }

    /** {@code Via azc} → {@code VIA_AZC}: the form enum names and aliases are looked up in. */
    static String normalise(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static <E extends Enum<E>> Map<String, E> aliases(Class<E> type, Map<String, E> dutch) {
        Map<String, E> all = new java.util.HashMap<>(Stream.of(type.getEnumConstants())
                .collect(Collectors.toMap(Enum::name, Function.identity())));
        all.putAll(dutch);
        return Map.copyOf(all);
    }
}
