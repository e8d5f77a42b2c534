package org.signalbench.exporting;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A table of labels as it leaves the app: named columns (each with what it means and, for coded
 * answers, the codebook question whose values it holds) and rows of text cells, empty for missing.
 *
 * @param columns the columns, in order
 * @param rows    the rows, each with one cell per column (null or "" for missing)
 */
public record LabelTable(List<Column> columns, List<List<String>> rows) {
    /**
     * One column.
     *
     * @param name     the column's name: letters, digits and underscores, starting with a letter (R, Stata and SPSS accept it)
     * @param label    what the column holds, in words
     * @param question the codebook question whose answer keys it holds; null when its values are not codebook answers
     * @param values   the values it may hold, for columns that are no codebook answers (e.g. agreed/settled/...); empty when free
     */
    public record Column(String name, String label, String question, List<String> values) {
        public Column {
            values = List.copyOf(values);
        }

        /** A column of free text or numbers. */
        public static Column free(String name, String label) {
            return new Column(name, label, null, List.of());
        }
    }

    public LabelTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * Writes the table as RFC 4180 CSV with a header row through {@link SafeCsvPrinter} (a cell a
     * spreadsheet would run as a formula gets a leading {@code '} unless {@code raw}).
     */
    public void writeCsv(Writer out, boolean raw) throws IOException {
        SafeCsvPrinter csv = new SafeCsvPrinter(out, raw, names().toArray(String[]::new));
        for (List<String> row : rows) {
            csv.printRecord(row.stream().map(c -> c == null ? "" : c).toList());
        }
        csv.flush();
    }
}
