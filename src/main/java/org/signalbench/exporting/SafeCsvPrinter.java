package org.signalbench.exporting;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of SignalBench's exports (RFC 4180 via commons-csv) that keeps a spreadsheet from
 * running a cell as a formula: a text cell beginning with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return gets a leading {@code '} (the OWASP "CSV injection" rule), unless the
 * export is raw. Numbers, and text that is nothing but a number ({@code -0.5}), stay as they are.
 */
public final class SafeCsvPrinter implements Closeable, Flushable {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private final CSVPrinter printer;
    private final boolean raw;

    /**
     * @param raw    write every cell as it is (for re-import or tools that never evaluate formulas)
     * @param header the header row, or none
     */
    public SafeCsvPrinter(Appendable out, boolean raw, String... header) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        this.raw = raw;
        if (header.length > 0) {
            printRecord(Arrays.asList((Object[]) header));
        }
    }

    public void printRecord(Object... cells) throws IOException {
        printRecord(Arrays.asList(cells));
    }

    /** One row; null cells are empty. */
    public void printRecord(Iterable<?> cells) throws IOException {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null || cell instanceof Number || raw ? cell : neutralise(cell.toString()));
        }
        printer.printRecord(row);
    }

    /** The cell with a leading {@code '} when a spreadsheet would read it as a formula. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0
                || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
