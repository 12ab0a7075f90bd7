package nl.welkom.casefile;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.auth.Caller;
import nl.welkom.casefile.HouseholdCsv.CellError;
import nl.welkom.casefile.HouseholdCsv.Column;
import nl.welkom.casefile.HouseholdCsv.Row;
import nl.welkom.problem.ProblemException;

/**
 * Imports a household list ({@link HouseholdCsv}) into the officer's municipality: every row is
 * checked with the same rules as the API and the forms ({@link CaseFileRules}), every broken rule
 * reported by row and column. In mode {@link Mode#ALL} nothing is written unless the whole file is
 * valid; in mode {@link Mode#VALID} the households whose rows are all valid are written and the
 * others reported. Either way the writing is one transaction, and each household written takes its
 * change sequence and is audited ({@link CaseFileAudit#IMPORT}) through {@link CaseFiles#insert}.
 */
@Singleton
class HouseholdImport {
    /** What to do with a file that has errors. */
    enum Mode {
        /** Import nothing unless every row is valid. */
        ALL,
        /** Import the households whose rows are all valid; report the rest. */
        VALID;

        /** {@code all} or {@code valid} (any case); null or blank is {@link #ALL}. @throws ProblemException 400 */
        static Mode parse(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return ALL;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("mode: must be all or valid.");
            }
        }
    }

    /**
     * What happened.
     *
     * @param unreadable the file as a whole was refused (too large, not CSV, a column missing): nothing read
     * @param rows       data rows read
     * @param households households found in the file
     * @param imported   the households written (none in mode ALL when anything was wrong)
     * @param skipped    households not written because a row of theirs has an error
     */
    record Outcome(Mode mode, boolean unreadable, int rows, int households, List<HouseholdDetails> imported,
                   int skipped, List<CellError> errors, List<String> ignoredColumns) {
        boolean tooLarge() {
            return errors.stream().anyMatch(error -> error.problem() == Invalid.TOO_LARGE);
        }

        int members() {
            return imported.stream().mapToInt(household -> household.members().size()).sum();
        }
    }

    /** A household ready to write, with the rows it came from. */
    private record Planned(Facts.Household household, List<Facts.Member> members, List<Facts.Need> needs) {
    }

    /** A household-level value and the row it was first given on. */
    private record Sourced(String value, int row) {
    }

    private final CaseFileRules rules;
    private final CaseFiles caseFiles;
    private final HouseholdReferences references;
    private final TransactionOperations<Connection> transactions;

    HouseholdImport(CaseFileRules rules, CaseFiles caseFiles, HouseholdReferences references,
                    TransactionOperations<Connection> transactions) {
        this.rules = rules;
        this.caseFiles = caseFiles;
        this.references = references;
        this.transactions = transactions;
    }

    /** Reads, checks and (as {@code mode} says) writes the file's households, in one transaction. */
    Outcome run(Caller officer, byte[] content, Mode mode) {
        CaseFiles.requireOfficer(officer);
        HouseholdCsv.Parsed parsed = HouseholdCsv.parse(content);
        if (parsed.unreadable()) {
            return new Outcome(mode, true, 0, 0, List.of(), 0, parsed.errors(), parsed.ignoredColumns());
        }
        return transactions.executeWrite(status -> importRows(officer, parsed, mode));
    }

    private Outcome importRows(Caller officer, HouseholdCsv.Parsed parsed, Mode mode) {
        Set<String> known = Set.copyOf(rules.knownLanguages());
        List<CellError> errors = new ArrayList<>(parsed.errors());
        Set<Integer> badRows = new HashSet<>();
        parsed.errors().forEach(error -> badRows.add(error.row()));
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : parsed.rows()) {
            String key = row.get(Column.HOUSEHOLD);
            if (key == null) {
                errors.add(CellError.of(row.number(), Column.HOUSEHOLD, null, Invalid.REQUIRED));
                continue;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        Set<String> referencesInFile = new HashSet<>();
        List<Planned> planned = new ArrayList<>();
        int skipped = 0;
        for (List<Row> rows : groups.values()) {
            int before = errors.size();
            Planned household = plan(officer, rows, known, referencesInFile, errors);
            boolean clean = errors.size() == before && rows.stream().noneMatch(row -> badRows.contains(row.number()));
            if (clean && household != null) {
                planned.add(household);
            } else {
                skipped++;
            }
        }
        List<HouseholdDetails> imported = new ArrayList<>();
        if (mode == Mode.VALID || errors.isEmpty()) {
            for (Planned household : planned) {
                imported.add(caseFiles.insert(officer, household.household(), household.members(), household.needs(),
                        CaseFileAudit.IMPORT));
            }
        } else {
            skipped = groups.size();
        }
        errors.sort(Comparator.comparingInt(CellError::row).thenComparingInt(HouseholdImport::columnPosition));
        return new Outcome(mode, false, parsed.rows().size(), groups.size(), imported, skipped, errors,
                parsed.ignoredColumns());
    }

    @Nullable
    private Planned plan(Caller officer, List<Row> rows, Set<String> known, Set<String> referencesInFile,
                         List<CellError> errors) {
        int before = errors.size();
        int firstRow = rows.get(0).number();
        Map<Column, Sourced> values = new EnumMap<>(Column.class);
        for (Row row : rows) {
            for (Column column : Column.values()) {
                String value = row.get(column);
                if (!column.householdLevel || value == null) {
                    continue;
                }
                Sourced first = values.get(column);
                if (first == null) {
                    values.put(column, new Sourced(value, row.number()));
                } else if (!same(first.value(), value)) {
                    errors.add(CellError.of(row.number(), column, value, Invalid.DIFFERS, first.row()));
                }
            }
        }

        List<Facts.Member> members = new ArrayList<>();
        List<Facts.Need> needs = new ArrayList<>();
        Set<String> languages = new LinkedHashSet<>();
        for (Row row : rows) {
            List<FieldError> memberErrors = new ArrayList<>();
            Integer birthYear = null;
            String year = row.get(Column.BIRTH_YEAR);
            if (year != null) {
                try {
                    birthYear = Integer.valueOf(year.strip());
                } catch (NumberFormatException e) {
                    memberErrors.add(FieldError.of("birthYear", Invalid.NUMBER));
                }
            }
            List<String> codes = split(row.get(Column.LANGUAGES), "[\\s,;/+|]+");
            Facts.Member member = rules.member(new MemberCommand(row.get(Column.NAME), birthYear,
                    row.get(Column.BIRTH_DATE), row.get(Column.MEMBER_NATIONALITY), codes), "", known, memberErrors);
            codes.stream().map(code -> code.toLowerCase(Locale.ROOT)).filter(known::contains).forEach(languages::add);
            String note = rules.note("note", row.get(Column.NEED_NOTE), memberErrors);
            List<String> kinds = split(row.get(Column.NEEDS), "[,;/+|]+");
            if (kinds.isEmpty() && note != null) {
                memberErrors.add(FieldError.of("kind", Invalid.REQUIRED));
            }
            for (String kind : kinds) {
                var found = rules.needKind("kind", kind, memberErrors);
                if (found != null) {
                    needs.add(new Facts.Need(found, null, members.size(), note));
                }
            }
            for (FieldError error : memberErrors) {
                Column column = Column.forField(error.field(), false);
                errors.add(new CellError(row.number(), column == null ? null : column.header,
                        column == null ? null : row.get(column), error.problem(), error.args()));
            }
            if (member != null) {
                members.add(member);
            }
        }

        String stage = value(values, Column.STAGE);
        if (stage == null && values.containsKey(Column.ARRIVED_ON)) {
            stage = "ARRIVAL";
        }
        HouseholdCommand command = new HouseholdCommand(value(values, Column.REFERENCE),
                value(values, Column.HOUSEHOLD_NAME), value(values, Column.NATIONALITY), value(values, Column.ORIGIN),
                value(values, Column.SELECTION_ROUTE), value(values, Column.EXPECTED_ARRIVAL),
                value(values, Column.ARRIVED_ON), value(values, Column.ARRIVAL_PATH),
                value(values, Column.RECEPTION_LOCATION), stage, List.copyOf(languages), null, null);
        List<FieldError> householdErrors = new ArrayList<>();
        Facts.Household household = rules.household(command, true, known, householdErrors);
        for (FieldError error : householdErrors) {
            Column column = "languages".equals(error.field()) ? Column.LANGUAGES
                    : Column.forField(error.field(), true);
            Sourced source = column == null ? null : values.get(column);
            errors.add(new CellError(source == null ? firstRow : source.row(), column == null ? null : column.header,
                    source == null ? null : source.value(), error.problem(), error.args()));
        }
        Sourced source = values.get(Column.REFERENCE);
        boolean referenceWellFormed = householdErrors.stream().noneMatch(error -> "reference".equals(error.field()));
        if (source != null && referenceWellFormed) {
            // Checked whatever else is wrong with the household, so that one round of corrections suffices.
            String reference = CaseFileRules.clean(source.value());
            if (!referencesInFile.add(reference)) {
                errors.add(CellError.of(source.row(), Column.REFERENCE, source.value(), Invalid.REFERENCE_TWICE));
            } else if (references.existsByMunicipalityIdAndReference(officer.municipalityId(), reference)) {
                errors.add(CellError.of(source.row(), Column.REFERENCE, source.value(), Invalid.REFERENCE_TAKEN));
            }
        }
        return errors.size() > before || household == null ? null : new Planned(household, members, needs);
    }

    /** Errors of a row in the template's column order; the whole row first. */
    private static int columnPosition(CellError error) {
        for (Column column : Column.values()) {
            if (column.header.equals(error.column())) {
                return column.ordinal() + 1;
            }
        }
        return 0;
    }

    @Nullable
    private static String value(Map<Column, Sourced> values, Column column) {
        Sourced sourced = values.get(column);
        return sourced == null ? null : sourced.value();
    }

    private static boolean same(String a, String b) {
        String left = CaseFileRules.clean(a);
        String right = CaseFileRules.clean(b);
        return left != null && left.equalsIgnoreCase(right);
    }

    private static List<String> split(@Nullable String cell, String separators) {
        if (cell == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : cell.split(separators)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
