package org.signalbench.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The findings as ONE self-contained HTML file: inline CSS, inline SVG charts, every table; no
 * scripts, no external styles, fonts or images, so it opens anywhere and can be mailed as it is.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * @param workbench the workbench file name shown in the header
     * @param generated when the report was made (shown as is, e.g. {@code 2026-11-23 12:00 UTC})
     * @param masked    whether the findings were masked (the report says so)
     */
    public record Info(String workbench, String generated, boolean masked) {
    }

    /**
     * A section after the findings (agreement, model results, the Twitter study): a heading, a note,
     * its tables, and what the report says instead when it has no table.
     *
     * @param key   the section's anchor ({@code agreement})
     * @param empty shown when {@code tables} is empty: why there is nothing to show
     */
    public record Section(String key, String title, String note, List<Table> tables, String empty) {
        public Section {
            tables = List.copyOf(tables);
            note = note == null ? "" : note;
            empty = empty == null ? "" : empty;
        }

        /** The section with account names pseudonymised and contacts masked in its tables. */
        public Section masked() {
            return new Section(key, title, note, tables.stream().map(Table::masked).toList(), empty);
        }
    }

    private static final String CSS = """
            body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px auto;max-width:980px;color:#222;line-height:1.4}
            h1{font-size:1.6em;margin-bottom:4px}h2{font-size:1.2em;margin-top:36px;border-bottom:1px solid #ccc;padding-bottom:4px}
            .meta{color:#555;margin:0 0 4px}.mask{background:#fff6df;border:1px solid #e8d49a;padding:8px 12px;border-radius:4px}
            .note{color:#555;font-size:.92em}.empty{color:#555;font-style:italic}h3{font-size:1.05em;margin-top:22px}
            table{border-collapse:collapse;margin:10px 0 6px;font-size:.92em}
            th,td{border:1px solid #d6d6d6;padding:3px 8px}th{background:#f1f3f6;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:bold;background:#fafafa}
            svg.chart{display:block;margin:10px 0;font-family:inherit}
            svg .title{font-size:13px;font-weight:bold;fill:#333}svg .label,svg .legend{font-size:12px;fill:#333}
            svg .value,svg .tick{font-size:11px;fill:#444}svg .end{text-anchor:end}svg .middle{text-anchor:middle}
            svg .axis{stroke:#888;stroke-width:1}
            """;

    public static String render(Findings f, Info info) {
        return render(f, info, List.of());
    }

    /** The findings, then {@code sections} in their order. */
    public static String render(Findings f, Info info, List<Section> sections) {
        StringBuilder out = new StringBuilder();
        try {
            write(f, info, sections, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(Findings f, Info info, Appendable out) throws IOException {
        write(f, info, List.of(), out);
    }

    public static void write(Findings f, Info info, List<Section> sections, Appendable out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>SignalBench findings: ").append(esc(info.workbench())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>SignalBench findings</h1>\n")
                .append("<p class=\"meta\">Workbench: <b>").append(esc(info.workbench())).append("</b> &middot; generated ")
                .append(esc(info.generated())).append(" &middot; N = ").append(String.format(Locale.ROOT, "%,d", f.n()))
                .append(" final dealer posts</p>\n")
                .append("<p class=\"mask\">").append(info.masked()
                        ? "Masked: account names are replaced by pseudonyms (account-xxxxxx), and phone numbers, e-mail addresses and "
                        + "handles (@name, names after an app such as &ldquo;wickr: &hellip;&rdquo;) by [phone], [email] and [handle]."
                        : "Not masked: this report shows account names, handles, phone numbers and e-mail addresses as collected. "
                        + "Do not share it outside the study team.").append("</p>\n");
        for (Table t : f.tables()) {
            out.append("<h2 id=\"").append(esc(t.key())).append("\">").append(esc(t.title())).append("</h2>\n");
            if (!t.note().isEmpty()) {
                out.append("<p class=\"note\">").append(esc(t.note())).append("</p>\n");
            }
            for (Charts.Chart chart : Charts.forTable(f, t)) {
                out.append(chart.svg());
            }
            table(t, out);
        }
        for (Section section : sections) {
            out.append("<h2 id=\"").append(esc(section.key())).append("\">").append(esc(section.title())).append("</h2>\n");
            if (!section.note().isEmpty()) {
                out.append("<p class=\"note\">").append(esc(section.note())).append("</p>\n");
            }
            if (section.tables().isEmpty()) {
                out.append("<p class=\"empty\">").append(esc(section.empty())).append("</p>\n");
            }
            for (Table t : section.tables()) {
                out.append("<h3 id=\"").append(esc(section.key() + "-" + t.key())).append("\">").append(esc(t.title())).append("</h3>\n");
                if (!t.note().isEmpty()) {
                    out.append("<p class=\"note\">").append(esc(t.note())).append("</p>\n");
                }
                table(t, out);
            }
        }
        out.append("<p class=\"note\">Made by SignalBench. The findings count the final labels (agreed, single coder or "
                + "settled by the expert); disputed posts are counted nowhere. docs/findings.md explains every table and section."
                + "</p>\n</body>\n</html>\n");
    }

    private static void table(Table t, Appendable out) throws IOException {
        out.append("<table>\n<thead><tr>");
        for (var c : t.columns()) {
            out.append("<th>").append(esc(c.name())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            boolean total = t.rows().get(r).stream().anyMatch("Total"::equals);
            out.append(total ? "<tr class=\"total\">" : "<tr>");
            for (int c = 0; c < t.columns().size(); c++) {
                out.append(t.columns().get(c).numeric() ? "<td class=\"num\">" : "<td>")
                        .append(esc(t.format(r, c)).replace("\n", "<br>")).append("</td>");
            }
            out.append("</tr>\n");
        }
        if (t.rows().isEmpty()) {
            out.append("<tr><td colspan=\"").append(String.valueOf(t.columns().size())).append("\">(none)</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String esc(String s) {
        return SvgCharts.escape(s);
    }
}
