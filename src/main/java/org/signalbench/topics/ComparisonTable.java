package org.signalbench.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.signalbench.exporting.SafeCsvPrinter;

/**
 * A comparison written out: every run as CSV, and mean ± sd per model and K as a Markdown or LaTeX
 * table (perplexity marked indicative: it is not strictly comparable across model families).
 */
public final class ComparisonTable {
    /** The measures in table order: key of {@link TopicComparison#summarise}, heading, decimals. */
    public record Measure(String key, String heading, int decimals) {
    }

    public static final List<Measure> MEASURES = List.of(
            new Measure("purity", "purity", 3), new Measure("purityMacro", "purity (macro)", 3),
            new Measure("nmi", "NMI", 3), new Measure("npmi", "NPMI", 3), new Measure("umass", "UMass", 3),
            new Measure("diversity", "diversity", 3), new Measure("perplexity", "perplexity (indicative)", 1),
            new Measure("seconds", "seconds", 1));

    private ComparisonTable() {
    }

    /** Every run, one row each, with the keys of {@code topics compare --json} as the header. */
    public static String csv(List<TopicComparison.Row> rows) {
        StringBuilder sb = new StringBuilder();
        try (SafeCsvPrinter csv = new SafeCsvPrinter(sb, false, "model", "k", "seed", "purity", "purityMacro", "nmi",
                "npmi", "umass", "diversity", "perplexity", "seconds")) {
            for (TopicComparison.Row r : rows) {
                csv.printRecord(r.model(), r.k(), r.seed(), number(r.purity()), number(r.purityMacro()), number(r.nmi()),
                        number(r.npmi()), number(r.umass()), number(r.diversity()), number(r.perplexity()), r.seconds());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Mean ± sd per model and K as a GitHub-flavoured Markdown table. */
    public static String markdown(List<TopicComparison.Row> rows) {
        StringBuilder sb = new StringBuilder("| model | K | runs |");
        MEASURES.forEach(m -> sb.append(' ').append(m.heading()).append(" |"));
        sb.append("\n|---|---|---|");
        MEASURES.forEach(m -> sb.append("---|"));
        sb.append('\n');
        for (List<String> cells : cells(rows, " ± ")) {
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return sb.toString();
    }

    /** Mean ± sd per model and K as a LaTeX tabular (booktabs rules). */
    public static String latex(List<TopicComparison.Row> rows) {
        StringBuilder sb = new StringBuilder("\\begin{tabular}{ll" + "r".repeat(MEASURES.size() + 1) + "}\n\\toprule\n");
        sb.append("model & $K$ & runs");
        MEASURES.forEach(m -> sb.append(" & ").append(m.heading()));
        sb.append(" \\\\\n\\midrule\n");
        for (List<String> cells : cells(rows, " $\\pm$ ")) {
            sb.append(String.join(" & ", cells).replace("kernel-kmeans", "kernel k-means")).append(" \\\\\n");
        }
        return sb.append("\\bottomrule\n\\end{tabular}\n").toString();
    }

    /** Per cell: model, K, runs, then each measure as mean, with the sd when there are several runs. */
    private static List<List<String>> cells(List<TopicComparison.Row> rows, String plusMinus) {
        List<List<String>> out = new ArrayList<>();
        for (TopicComparison.Cell c : TopicComparison.summarise(rows)) {
            List<String> line = new ArrayList<>(List.of(c.model(), Integer.toString(c.k()), Integer.toString(c.runs())));
            for (Measure m : MEASURES) {
                TopicComparison.MeanSd v = c.measures().get(m.key());
                String format = "%." + m.decimals() + "f";
                line.add(!Double.isFinite(v.mean()) ? "–" : c.runs() > 1
                        ? String.format(Locale.ROOT, format + plusMinus + format, v.mean(), v.sd())
                        : String.format(Locale.ROOT, format, v.mean()));
            }
            out.add(line);
        }
        return out;
    }

    private static Object number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
