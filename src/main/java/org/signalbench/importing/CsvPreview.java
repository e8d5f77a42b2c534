package org.signalbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * The first rows of a CSV file as the importer would read them with given options, for the import
 * dialog: the encoding and delimiter in use (detected where the options leave them open), the
 * header, the rows, and the column each field would be read from.
 *
 * @param encoding  the encoding the file is read with
 * @param delimiter the cell separator
 * @param header    the header row's cells
 * @param rows      up to the requested number of records after the header, as cells
 * @param lines     the line each of {@code rows} starts on
 * @param mapping   field → column, as the import would take it (given, or matched by name or alias)
 * @param problem   why the file cannot be read with this encoding and delimiter (bytes that are not
 *                  text in the encoding, a broken quote), or null; see {@link #mappingProblem} for the columns
 */
public record CsvPreview(Charset encoding, char delimiter, List<String> header, List<List<String>> rows,
                         List<Integer> lines, Map<String, String> mapping, String problem) {
    public CsvPreview {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        lines = List.copyOf(lines);
        mapping = Map.copyOf(mapping);
    }

    /** Why a file with {@code header} cannot be imported with {@code options} (a field without its column), or null. */
    public static String mappingProblem(List<String> header, CsvOptions options) {
        try {
            CsvColumns.resolve(header, options);
            return null;
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    /**
     * Reads the first {@code maxRows} records of {@code file} with {@code options}.
     *
     * @throws IllegalArgumentException when the file cannot be read as CSV at all (the reason as message)
     */
    public static CsvPreview of(Path file, CsvOptions options, int maxRows) throws IOException {
        CsvPostReader.Dialect dialect;
        try {
            dialect = CsvPostReader.dialect(file, options);
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String problem = null;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).get();
        try (InputStream in = CsvPostReader.open(file, null)) {
            in.skipNBytes(dialect.bomBytes());
            CsvPostReader.Records records = new CsvPostReader.Records(new CsvPostReader.CappedReader(
                    new CsvPostReader.StrictReader(in, dialect.encoding()), CsvPostReader.maxRecordChars()),
                    format, dialect.encoding());
            CsvPostReader.CsvRow headerRow = records.next();
            if (headerRow == null) {
                problem = "empty file: no header row";
            } else {
                header = headerRow.cells();
                CsvPostReader.CsvRow row;
                while (rows.size() < maxRows && (row = records.next()) != null) {
                    if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
                        continue;
                    }
                    rows.add(row.cells());
                    lines.add(row.line());
                }
            }
        } catch (BadInputException e) {
            problem = (e.line() == null ? "" : "line " + e.line() + ": ") + e.getMessage();
        }
        return new CsvPreview(dialect.encoding(), dialect.delimiter(), header, rows, lines,
                CsvColumns.suggest(header, options.mapping()), problem);
    }
}
