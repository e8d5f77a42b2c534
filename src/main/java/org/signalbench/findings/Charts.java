package org.signalbench.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signalbench.exporting.SafeOutputFile;

/**
 * The findings' charts, named, as the report draws them ({@link SvgCharts}) and as files: a
 * stand-alone SVG document and a PNG rasterised from the same SVG ({@link PngCharts}), so the
 * report, the app and {@code findings --charts DIR} give one picture of each chart.
 */
public final class Charts {
    /** PNG pixels per SVG unit: twice the report's size, sharp on slides and in print. */
    public static final double PNG_SCALE = 2;

    /**
     * One chart of one findings table.
     *
     * @param name  the file name without extension: the table's key, and for Table 2 the drug ({@code drug-hashtags-oxycodone})
     * @param svg   the SVG element as the HTML report inlines it (styled by the report's CSS)
     */
    public record Chart(String name, String tableKey, String title, int width, int height, String svg) {
    }

    private static final Pattern SIZE = Pattern.compile("<svg[^>]* width=\"(\\d+)\" height=\"(\\d+)\"");

    /** The styles of a stand-alone chart: the report's chart rules with a concrete font. */
    private static final String STYLE = """
            svg{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif}
            .title{font-size:13px;font-weight:bold;fill:#333}.label,.legend{font-size:12px;fill:#333}
            .value,.tick{font-size:11px;fill:#444}.end{text-anchor:end}.middle{text-anchor:middle}
            .axis{stroke:#888;stroke-width:1}
            """;

    private Charts() {
    }

    /** Every chart of the findings, in report order. */
    public static List<Chart> of(Findings f) {
        List<Chart> all = new ArrayList<>();
        for (Table t : f.tables()) {
            all.addAll(forTable(f, t));
        }
        return all;
    }

    /** The charts drawn from one table (none for most tables). */
    public static List<Chart> forTable(Findings f, Table t) {
        List<Chart> charts = new ArrayList<>();
        switch (t.key()) {
            case "drug-hashtags" -> f.drugHashtagCounts().groups().forEach(g -> {
                List<String> labels = new ArrayList<>();
                List<Integer> values = new ArrayList<>();
                g.hashtags().forEach(h -> {
                    labels.add(h.hashtag());
                    values.add(h.posts());
                });
                labels.add("Total (any)");
                values.add(g.total().posts());
                String title = g.drug() + ": dealer posts per hashtag";
                charts.add(chart(t.key() + "-" + slug(g.drug()), t, title, SvgCharts.horizontalBars(title, labels,
                        List.of(new SvgCharts.Series("posts", values, SvgCharts.BLUE)))));
            });
            case "hashtag-categories" -> charts.add(bars(t, "Dealer posts per category (any of its hashtags)",
                    rowsWhere(t, 1, "Total"), 0, 2));
            case "contact-channels" -> {
                List<Integer> rows = allRows(t);
                String title = "Contact channels: coded vs detected";
                charts.add(chart(t.key(), t, title, SvgCharts.horizontalBars(title, column(t, rows, 0),
                        List.of(new SvgCharts.Series("coded", numbers(t, rows, 1), SvgCharts.BLUE),
                                new SvgCharts.Series("detected", numbers(t, rows, 3), SvgCharts.ORANGE)))));
            }
            case "image-categories" -> {
                List<Integer> rows = allRows(t).subList(0, Math.max(0, t.rows().size() - 2)); // without the two summary rows
                charts.add(bars(t, "Dealer posts per image category", rows, 0, 1));
            }
            case "exchanges" -> charts.add(bars(t, "Sell/buy exchanges", allRows(t), 0, 1));
            case "posts-per-account" -> charts.add(bars(t, "Dealer accounts by number of dealer posts", allRows(t), 0, 1));
            case "timeline" -> {
                List<Integer> rows = allRows(t).stream().filter(r -> !"no date".equals(t.rows().get(r).get(0))).toList();
                String title = "Dealer posts per ISO week";
                charts.add(chart(t.key(), t, title, SvgCharts.timeline(title, column(t, rows, 0), numbers(t, rows, 2))));
            }
            default -> { }
        }
        return charts;
    }

    /** The chart as a stand-alone SVG file: the XML declaration, the SVG namespace and its styles inside. */
    public static String svgDocument(Chart chart) {
        String svg = chart.svg().strip();
        int open = svg.indexOf('>');
        String tag = svg.substring(0, open);
        if (!tag.contains("xmlns=")) {
            tag = tag.replaceFirst("^<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + tag + "><style>\n" + STYLE + "</style>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>" + svg.substring(open + 1) + "\n";
    }

    /**
     * Writes every chart into {@code folder} (created when missing) as {@code NAME.svg} and
     * {@code NAME.png}, all or none of them, each whole, never onto {@code workbench} or another database.
     */
    public static List<Path> write(Findings f, Path folder, Path workbench) throws IOException {
        return write(of(f), folder, workbench);
    }

    /**
     * Writes the given charts as SVG and PNG into {@code folder}; returns the files in order. All are
     * written into a staged folder first and moved in when every one is complete
     * ({@link SafeOutputFile#stageFolder}): a failed or killed run adds no file to the folder.
     */
    public static List<Path> write(List<Chart> charts, Path folder, Path workbench) throws IOException {
        List<String> names = new ArrayList<>();
        try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(folder, workbench)) {
            for (Chart c : charts) {
                SafeOutputFile.writeBytes(staged.path().resolve(c.name() + ".svg"), workbench,
                        svgDocument(c).getBytes(StandardCharsets.UTF_8));
                SafeOutputFile.writeBytes(staged.path().resolve(c.name() + ".png"), workbench, PngCharts.png(c, PNG_SCALE));
                names.add(c.name() + ".svg");
                names.add(c.name() + ".png");
            }
            staged.publish();
            return names.stream().map(staged.target()::resolve).toList();
        }
    }

    /** A file-name-safe form of a label: lower case, letters and digits, runs of anything else as one dash. */
    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "chart" : s;
    }

    private static Chart chart(String name, Table t, String title, String svg) {
        Matcher m = SIZE.matcher(svg);
        if (!m.find()) {
            throw new IllegalStateException("an SVG chart without its size: " + name);
        }
        return new Chart(name, t.key(), title, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), svg);
    }

    private static Chart bars(Table t, String title, List<Integer> rows, int labelColumn, int valueColumn) {
        return chart(t.key(), t, title, SvgCharts.horizontalBars(title, column(t, rows, labelColumn),
                List.of(new SvgCharts.Series(t.columns().get(valueColumn).name(), numbers(t, rows, valueColumn), SvgCharts.BLUE))));
    }

    private static List<Integer> allRows(Table t) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            rows.add(i);
        }
        return rows;
    }

    private static List<Integer> rowsWhere(Table t, int column, String value) {
        return allRows(t).stream().filter(r -> value.equals(t.rows().get(r).get(column))).toList();
    }

    private static List<String> column(Table t, List<Integer> rows, int column) {
        return rows.stream().map(r -> String.valueOf(t.rows().get(r).get(column))).toList();
    }

    private static List<Number> numbers(Table t, List<Integer> rows, int column) {
        return rows.stream().map(r -> t.rows().get(r).get(column) instanceof Number num ? num : (Number) 0).toList();
    }
}
