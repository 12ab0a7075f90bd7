package nl.welkom.casefile;

import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What {@code POST /api/households/import} did with a file: counts, the households written, and
 * every error by row (1 = the header row, 0 = the file as a whole) and column.
 *
 * @param mode               {@code all} or {@code valid}
 * @param imported           whether anything was written
 * @param rows               data rows read
 * @param households         households found in the file
 * @param householdsImported households written
 * @param membersImported    members written
 * @param householdsSkipped  households not written
 * @param ignoredColumns     columns Welkom does not read (they are not stored)
 */
@Serdeable
public record ImportReport(String mode, boolean imported, int rows, int households, int householdsImported,
                           int membersImported, int householdsSkipped, List<String> ignoredColumns,
                           List<RowError> errors, List<ImportedHousehold> importedHouseholds) {

    static ImportReport of(HouseholdImport.Outcome outcome, Words words, Locale locale) {
        return new ImportReport(outcome.mode().name().toLowerCase(Locale.ROOT), !outcome.imported().isEmpty(),
                outcome.rows(), outcome.households(), outcome.imported().size(), outcome.members(), outcome.skipped(),
                outcome.ignoredColumns(),
                outcome.errors().stream().map(error -> new RowError(error.row(), error.column(), shorten(error.value()),
                        error.problem().slug(), words.text(error.problem().key(), locale, error.args()))).toList(),
                outcome.imported().stream().map(household -> new ImportedHousehold(household.id(),
                        household.reference(), household.displayName(), household.members().size())).toList());
    }

    /**
     * One broken rule.
     *
     * @param row     the spreadsheet row (1 = header; 0 = the file as a whole)
     * @param column  the column's header, or null for the whole row or file
     * @param value   the cell as given (at most 100 characters), or null
     * @param problem a stable slug ({@code date-range}, {@code required}, ...)
     * @param message what is wrong, for people
     */
    @Serdeable
    public record RowError(int row, @Nullable String column, @Nullable String value, String problem, String message) {
    }

    @Serdeable
    public record ImportedHousehold(String id, String reference, String displayName, int members) {
    }

    @Nullable
    private static String shorten(@Nullable String value) {
        return value == null || value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
