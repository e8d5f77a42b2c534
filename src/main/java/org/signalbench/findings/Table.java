package org.signalbench.findings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One table of findings: a title, typed columns and rows of cells ({@link String}, {@link Long} or
 * {@link Double} percentages). The same table feeds the app, the CSV/Markdown exports and the report.
 *
 * @param key  a short file-name-safe name ({@code drug-hashtags}), used for export file names
 * @param note what the table counts and over which base (may be empty)
 */
public record Table(String key, String title, List<Column> columns, List<List<Object>> rows, String note) {
    /** What a column holds; decides alignment, formatting and masking. */
    public enum Kind {
        /** Free text: masked for phones, e-mail addresses and handles. */
        TEXT,
        /** An account name: replaced by a pseudonym when masked. */
        ACCOUNT,
        /** A label (a category, a hashtag): left as it is, except contacts inside hashtags, which are masked. */
        LABEL,
        COUNT,
        PERCENT,
        /** A decimal score. */
        NUMBER
    }

    public record Column(String name, Kind kind) {
        public boolean numeric() {
            return kind == Kind.COUNT || kind == Kind.PERCENT || kind == Kind.NUMBER;
        }
    }

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
        note = note == null ? "" : note;
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(key + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The table with account names pseudonymised and phones, e-mail addresses and handles masked in text cells and hashtags. */
    public Table masked() {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>(row);
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) instanceof String s) {
                    switch (columns.get(i).kind()) {
                        case ACCOUNT -> cells.set(i, Masking.maskAccount(s));
                        case TEXT -> cells.set(i, Masking.maskText(s));
                        // a hashtag is collected text too: #xanaxcall2135550142 carries a phone number
                        case LABEL -> cells.set(i, s.startsWith("#") ? Masking.maskText(s) : s);
                        default -> { }
                    }
                }
            }
            out.add(cells);
        }
        return new Table(key, title, columns, out, note);
    }

    /** A cell as text: counts with thousands separators, percentages and scores with one or two decimals. */
    public String format(int row, int column) {
        return format(rows.get(row).get(column), columns.get(column).kind());
    }

    static String format(Object cell, Kind kind) {
        if (cell == null) {
            return "";
        }
        return switch (kind) {
            case COUNT -> cell instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : cell.toString();
            case PERCENT -> cell instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : cell.toString();
            case NUMBER -> cell instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : cell.toString();
            default -> cell.toString();
        };
    }

    /** {@code count} as a percentage of {@code n}, rounded to one decimal (0 when {@code n} is 0). */
    public static double percent(long count, long n) {
        return n == 0 ? 0 : Math.round(count * 1000.0 / n) / 10.0;
    }

    /** Collects rows for a table. */
    public static Builder builder(String key, String title) {
        return new Builder(key, title);
    }

    public static final class Builder {
        private final String key;
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private String note = "";

        private Builder(String key, String title) {
            this.key = key;
            this.title = title;
        }

        public Builder column(String name, Kind kind) {
            columns.add(new Column(name, kind));
            return this;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public Table build() {
            return new Table(key, title, columns, rows, note);
        }
    }
}
