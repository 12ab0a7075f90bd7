package nl.welkom.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as a CSV file that Dutch Excel opens as it is: UTF-8 with a byte-order mark, {@code ;}
 * between fields, CRLF line ends, a header row, then one record per row, then notes as comment
 * lines ({@code #}) that say what the file covers and what {@code <5} means. Counts follow the
 * small-cell rule ({@link ReportTable.Cell#exported()}).
 */
final class ReportCsv {
    /** How the file is written, and how a program reads it back (with the comment marker). */
    static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL)
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .setCommentMarker('#')
            .get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ReportCsv() {
    }

    /**
     * The file's bytes.
     *
     * @param view  the report in the reader's language: header words and row labels
     * @param table the counts
     * @param notes comment lines to end the file with
     */
    static byte[] write(ReportView view, ReportTable table, List<String> notes) {
        StringBuilder out = new StringBuilder(1024).append(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            List<String> header = new ArrayList<>();
            header.add(view.rowsHeader());
            header.addAll(view.series());
            printer.printRecord(header);
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> record = new ArrayList<>();
                record.add(view.lines().get(r).label());
                table.rows().get(r).cells().forEach(cell -> record.add(cell.exported()));
                printer.printRecord(record);
            }
            for (String note : notes) {
                printer.printComment(note);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
