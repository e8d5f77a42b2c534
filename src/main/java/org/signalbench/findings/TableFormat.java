package org.signalbench.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** How a {@link Table} is written out: CSV (RFC 4180, via commons-csv) or a GitHub-flavoured Markdown table. */
public enum TableFormat {
    CSV("csv") {
        @Override
        public void write(Table table, Appendable out) throws IOException {
            // Raw numbers in CSV (no thousands separators) so spreadsheets read them as numbers.
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(table.columnNames());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(c -> c == null ? "" : c instanceof Double d ? plain(d) : c.toString()).toList());
            }
            printer.flush();
        }
    },
    MARKDOWN("md") {
        @Override
        public void write(Table table, Appendable out) throws IOException {
            out.append("## ").append(markdownCell(table.title())).append("\n\n");
            if (!table.note().isEmpty()) {
                out.append(markdownCell(table.note())).append("\n\n");
            }
            out.append('|');
            for (var column : table.columns()) {
                out.append(' ').append(markdownCell(column.name())).append(" |");
            }
            out.append("\n|");
            for (var column : table.columns()) {
                out.append(column.numeric() ? "---:|" : "---|");
            }
            out.append('\n');
            for (int r = 0; r < table.rows().size(); r++) {
                out.append('|');
                for (int c = 0; c < table.columns().size(); c++) {
                    out.append(' ').append(markdownCell(table.format(r, c))).append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }
    };

    private final String extension;

    TableFormat(String extension) {
        this.extension = extension;
    }

    public abstract void write(Table table, Appendable out) throws IOException;

    public String extension() {
        return extension;
    }

    public String render(Table table) {
        StringBuilder sb = new StringBuilder();
        try {
            write(table, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    /** {@code csv} or {@code markdown} (also {@code md}), case-insensitive. */
    public static TableFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "markdown", "md" -> MARKDOWN;
            default -> throw new IllegalArgumentException("unknown format '" + name + "' (csv or markdown)");
        };
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A cell that cannot break the table: pipes and backslashes escaped, line breaks as {@code <br>}. */
    static String markdownCell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>");
    }
}
