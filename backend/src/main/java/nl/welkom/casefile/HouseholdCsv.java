package nl.welkom.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a household list as a COA or a selection mission hands it over (docs/households.md, "CSV
 * import"): one row per person, rows grouped into households by the {@code huishouden} column,
 * Dutch headers in any order and case, {@code ;} (Excel in Dutch) or {@code ,} as separator, UTF-8
 * with or without a byte order mark (else Windows-1252, what older Excel writes). Parsing is
 * Apache Commons CSV's; this class only finds the columns and hands over the cells by row number
 * (the header is row 1, as a spreadsheet shows it). Unknown columns (a V-number, a BSN) are
 * ignored: Welkom stores only what it needs.
 */
final class HouseholdCsv {
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 5000;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The columns, in the template's order. Household columns may be filled on one row of the household or on all alike. */
    enum Column {
        HOUSEHOLD("huishouden", true, false, null),
        REFERENCE("referentie", false, true, "reference"),
        HOUSEHOLD_NAME("naam_huishouden", true, true, "displayName"),
        NATIONALITY("nationaliteit", false, true, "nationality"),
        ORIGIN("herkomst", false, true, "campOfOrigin"),
        SELECTION_ROUTE("selectieroute", false, true, "selectionRoute"),
        EXPECTED_ARRIVAL("verwachte_aankomst", false, true, "expectedArrival"),
        ARRIVED_ON("aankomstdatum", false, true, "arrivedOn"),
        ARRIVAL_PATH("aankomstroute", true, true, "arrivalPath"),
        RECEPTION_LOCATION("opvanglocatie", false, true, "receptionLocation"),
        STAGE("fase", false, true, "stage"),
        NAME("naam", true, false, "displayName"),
        BIRTH_YEAR("geboortejaar", false, false, "birthYear"),
        BIRTH_DATE("geboortedatum", false, false, "birthDate"),
        LANGUAGES("talen", false, false, "languages"),
        MEMBER_NATIONALITY("nationaliteit_lid", false, false, "nationality"),
        NEEDS("behoefte", false, false, "kind"),
        NEED_NOTE("toelichting_behoefte", false, false, "note");

        final String header;
        final boolean required;
        final boolean householdLevel;
        /** The name of the command field it fills, for mapping rule errors back to the column. */
        @Nullable
        final String field;

        Column(String header, boolean required, boolean householdLevel, @Nullable String field) {
            this.header = header;
            this.required = required;
            this.householdLevel = householdLevel;
            this.field = field;
        }

        /** The household-level or member-level column that fills {@code field}. */
        @Nullable
        static Column forField(String field, boolean householdLevel) {
            for (Column column : values()) {
                if (column.householdLevel == householdLevel && field.equals(column.field)) {
                    return column;
                }
            }
            return null;
        }
    }

    /** A problem with the file or one cell: row (1 = header), column header or null for the whole row or file. */
    record CellError(int row, @Nullable String column, @Nullable String value, Invalid problem, List<String> args) {
        static CellError of(int row, @Nullable Column column, @Nullable String value, Invalid problem, Object... args) {
            return new CellError(row, column == null ? null : column.header, value,
                    problem, Stream.of(args).map(String::valueOf).toList());
        }
    }

    /** A data row: its spreadsheet row number and its cells by column (blank cells left out). */
    record Row(int number, Map<Column, String> cells) {
        @Nullable
        String get(Column column) {
            return cells.get(column);
        }
    }

    /**
     * The rows, or the errors that make the whole file unreadable (then no rows).
     *
     * @param ignoredColumns headers of columns Welkom does not read
     * @param rows           the data rows that have at least one cell filled in
     * @param errors         errors of the file as a whole (too large, not CSV, a missing column) or of a row's shape
     */
    record Parsed(List<String> ignoredColumns, List<Row> rows, List<CellError> errors, boolean unreadable) {
    }

    private HouseholdCsv() {
    }

    static Parsed parse(byte[] content) {
        if (content.length > MAX_BYTES) {
            return unreadable(CellError.of(0, null, null, Invalid.TOO_LARGE, MAX_BYTES / (1024 * 1024)));
        }
        String text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return unreadable(CellError.of(0, null, null, Invalid.EMPTY_FILE));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        List<Row> rows = new ArrayList<>();
        List<CellError> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int row = 1;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return unreadable(CellError.of(0, null, null, Invalid.EMPTY_FILE));
            }
            CSVRecord headerRecord = records.next();
            int width = headerRecord.size();
            Map<Integer, Column> columns = header(headerRecord, ignored, errors);
            if (!errors.isEmpty()) {
                return new Parsed(ignored, List.of(), errors, true);
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                row = (int) record.getRecordNumber();
                if (rows.size() == MAX_ROWS) {
                    return unreadable(CellError.of(row, null, null, Invalid.TOO_MANY_ROWS, MAX_ROWS));
                }
                Map<Column, String> cells = new EnumMap<>(Column.class);
                boolean extra = false;
                for (int i = 0; i < record.size(); i++) {
                    String value = record.get(i);
                    if (value == null || value.isBlank()) {
                        continue;
                    }
                    Column column = columns.get(i);
                    if (column != null) {
                        cells.put(column, value.strip());
                    } else if (i >= width) {
                        extra = true;
                    }
                }
                if (extra) {
                    errors.add(CellError.of(row, null, null, Invalid.EXTRA_CELLS));
                }
                if (!cells.isEmpty()) {
                    rows.add(new Row(row, cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Unbalanced quotes and the like. The parser's message may quote the file: not passed on.
            return unreadable(CellError.of(row + 1, null, null, Invalid.NOT_CSV));
        }
        if (rows.isEmpty()) {
            return unreadable(CellError.of(0, null, null, Invalid.EMPTY_FILE));
        }
        return new Parsed(ignored, rows, errors, false);
    }

    /** The template the dashboard serves: UTF-8 with a byte order mark, {@code ;}, Dutch headers, one example row. */
    static byte[] template() {
        String header = Stream.of(Column.values()).map(column -> column.header).collect(Collectors.joining(";"));
        String example = String.join(";", "1", "", "Familie Tesfay", "ER", "\"Shire, Ethiopië\"", "selectiemissie",
                "15-03-2027", "", "azc", "azc Budel", "", "Selam", "1990", "", "ti en", "", "", "");
        String text = "\uFEFF" + header + "\r\n" + example + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Naam huishouden} → {@code naam_huishouden}. */
    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static Map<Integer, Column> header(CSVRecord record, List<String> ignored, List<CellError> errors) {
        Map<Integer, Column> columns = new java.util.HashMap<>();
        Map<Column, Integer> seen = new EnumMap<>(Column.class);
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            Column column = byHeader(normalise(name));
            if (column == null) {
                ignored.add(name.strip());
            } else if (seen.containsKey(column)) {
                errors.add(CellError.of(1, column, null, Invalid.COLUMN_TWICE));
            } else {
                seen.put(column, i);
                columns.put(i, column);
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !seen.containsKey(column)) {
                errors.add(CellError.of(1, column, null, Invalid.COLUMN_MISSING, column.header));
            }
        }
        return columns;
    }

    @Nullable
    private static Column byHeader(String normalised) {
        for (Column column : Column.values()) {
            if (column.header.equals(normalised)) {
                return column;
            }
        }
        return null;
    }

    /** {@code ;} when the header line has more of them than commas (Dutch Excel), else {@code ,}. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    /** UTF-8 (a byte order mark removed); a file that is not valid UTF-8 is read as Windows-1252. */
    private static String decode(byte[] content) {
        int start = content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1]
                && content[2] == UTF8_BOM[2] ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, Charset.forName("windows-1252"));
        }
    }

    private static Parsed unreadable(CellError error) {
        return new Parsed(List.of(), List.of(), List.of(error), true);
    }
}
