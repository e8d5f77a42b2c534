package org.signalbench.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.signalbench.exporting.MarkdownText;
import org.signalbench.exporting.SafeCsvPrinter;

/** How a {@link Table} is written out: CSV (RFC 4180, via commons-csv) or a GitHub-flavoured Markdown table. */
public enum TableFormat {
    CSV("csv") {
        @Override
        public void write(Table table, Appendable out, boolean raw) throws IOException {
            // Raw numbers in CSV (no thousands separators) so spreadsheets read them as numbers.
            SafeCsvPrinter printer = new SafeCsvPrinter(out, raw);
            printer.printRecord(table.columnNames());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(c -> c == null ? "" : c instanceof Double d ? plain(d) : c.toString()).toList());
            }
            printer.flush();
        }
    },
    MARKDOWN("md") {
        @Override
        public void write(Table table, Appendable out, boolean raw) throws IOException {
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

    /**
     * Writes the table; {@code raw} leaves CSV cells that a spreadsheet would run as formulas as they are
     * (see {@link SafeCsvPrinter}); Markdown is always escaped.
     */
    public abstract void write(Table table, Appendable out, boolean raw) throws IOException;

    /** Writes the table with formula-like CSV cells neutralised. */
    public void write(Table table, Appendable out) throws IOException {
        write(table, out, false);
    }

    public String extension() {
        return extension;
    }

    public String render(Table table) {
        return render(table, false);
    }

    /** The table as text; {@code raw}: see {@link #write(Table, Appendable, boolean)}. */
    public String render(Table table, boolean raw) {
        StringBuilder sb = new StringBuilder();
        try {
            write(table, sb, raw);
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

    /** A cell that cannot break the table nor bring in markup: see {@link MarkdownText#cell}. */
    static String markdownCell(String text) {
        return MarkdownText.cell(text);
    }
}
