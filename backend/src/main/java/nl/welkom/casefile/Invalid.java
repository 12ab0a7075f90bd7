package nl.welkom.casefile;

/**
 * What can be wrong with a value an officer entered (API, dashboard form or CSV cell), each with
 * its words in the bundle ({@code i18n/households_*.properties}, key {@code households.invalid.<slug>})
 * and a stable slug that API clients may switch on. {@code {0}}, {@code {1}} are the error's arguments.
 */
enum Invalid {
    REQUIRED("required"),
    TOO_LONG("too-long"),
    COUNTRY("country"),
    LANGUAGE("language"),
    LANGUAGES_REQUIRED("languages-required"),
    DATE("date"),
    DATE_RANGE("date-range"),
    BIRTH_YEAR("birth-year"),
    BIRTH_YEAR_MISMATCH("birth-year-mismatch"),
    NUMBER("number"),
    CHOICE("choice"),
    REFERENCE("reference"),
    REFERENCE_TAKEN("reference-taken"),
    REFERENCE_TWICE("reference-twice"),
    DIFFERS("differs"),
    MEMBER("member"),
    COLUMN_MISSING("column-missing"),
    COLUMN_TWICE("column-twice"),
    EXTRA_CELLS("extra-cells"),
    NOT_CSV("not-csv"),
    EMPTY_FILE("empty-file"),
    TOO_MANY_ROWS("too-many-rows"),
    TOO_LARGE("too-large"),
    NO_FILE("no-file");

    private final String slug;

    Invalid(String slug) {
        this.slug = slug;
    }

    /** The stable name of the problem, e.g. {@code date-range}. */
    String slug() {
        return slug;
    }

    /** The bundle key of its words. */
    String key() {
        return "households.invalid." + slug;
    }
}
