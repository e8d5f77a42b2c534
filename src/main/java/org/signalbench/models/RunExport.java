package org.signalbench.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.signalbench.exporting.MarkdownText;
import org.signalbench.exporting.SafeCsvPrinter;

/**
 * A run's Table-1 figures ({@link RunSummary#rows}) as CSV, Markdown or LaTeX, for the
 * command line ({@code runs export}) and the app's Models view alike.
 *
 * <ul>
 * <li>CSV (RFC 4180, header row): one line per variant and model: {@code variant, model, folds,
 * precision, precision_sd, recall, recall_sd, f1, f1_sd, auc, auc_sd, auc_pooled}, then the paper's
 * value and this run's difference from it: {@code paper_precision, diff_precision, paper_recall,
 * diff_recall, paper_f1, diff_f1, paper_auc, diff_auc_pooled}; fractions 0–1 at full precision; an
 * undefined value (AUC of one-class folds, a cell the paper lacks) is an empty cell.</li>
 * <li>Markdown and LaTeX: laid out as the study's Table 1: variants × measures as rows, per model
 * three columns: "mean ± SD" over folds (3 decimals), the paper's value and the difference (run −
 * paper), the pooled AUC in its own row; undefined is "–".</li>
 * </ul>
 * The paper's AUC is compared with the pooled AUC: the study computed AUC on the whole data set.
 */
public final class RunExport {
    /** The export formats, by their command-line names. */
    public enum Format {
        CSV, MARKDOWN, LATEX;

        public static Format fromName(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export format '" + name + "' (expected csv, markdown or latex)");
            }
        }
    }

    /** The rows of Table 1 under each variant, with how each shows a row's figures. */
    public enum Measure {
        PRECISION("precision", "precision", RunSummary.Row::precision, RunSummary.Row::precisionSd),
        RECALL("recall", "recall", RunSummary.Row::recall, RunSummary.Row::recallSd),
        F1("F1", "f1", RunSummary.Row::f1, RunSummary.Row::f1Sd),
        AUC("AUC", null, RunSummary.Row::auc, RunSummary.Row::aucSd),
        AUC_POOLED("AUC pooled", "auc", RunSummary.Row::aucPooled, null);

        private final String label;
        private final String publishedKey;
        private final ToDoubleFunction<RunSummary.Row> mean;
        private final ToDoubleFunction<RunSummary.Row> sd;

        Measure(String label, String publishedKey, ToDoubleFunction<RunSummary.Row> mean, ToDoubleFunction<RunSummary.Row> sd) {
            this.label = label;
            this.publishedKey = publishedKey;
            this.mean = mean;
            this.sd = sd;
        }

        public String label() {
            return label;
        }

        /** The cell text, e.g. "0.927 ± 0.029", or "–" when undefined. */
        public String cell(RunSummary.Row row) {
            return sd == null ? number(mean.applyAsDouble(row)) : meanSd(mean.applyAsDouble(row), sd.applyAsDouble(row));
        }

        /** The row's figure: the mean over folds, or the pooled AUC. */
        public double mean(RunSummary.Row row) {
            return mean.applyAsDouble(row);
        }

        /** The published measure this row is compared with ({@link PublishedValues}), or null: none (fold-mean AUC). */
        public String publishedKey() {
            return publishedKey;
        }

        /** The paper's value for this measure, or NaN when it has none. */
        public double published(PublishedValues published, String variant, String model) {
            return publishedKey == null ? Double.NaN : published.value(variant, model, publishedKey).orElse(Double.NaN);
        }
    }

    /**
     * One published comparison of a row: the paper's value of {@code paperKey} (NaN when the paper has
     * none) and the run's {@code measure} minus it; the pooled AUC is compared with the paper's AUC.
     *
     * @param paperKey the published measure (precision, recall, f1, auc)
     * @param runKey   the run's figure it is compared with (precision, recall, f1, auc_pooled)
     */
    public record PaperCell(String paperKey, String runKey, double paper, double difference) {
    }

    /** A row's comparisons with the paper, in Table 1's order (what the CSV's paper_ and diff_ columns and runs show --json hold). */
    public static List<PaperCell> paperCells(RunSummary.Row r, PublishedValues published) {
        List<PaperCell> cells = new ArrayList<>();
        for (Measure m : Measure.values()) {
            if (m.publishedKey() != null) {
                double paper = m.published(published, r.variant(), r.model());
                String runKey = m == Measure.AUC_POOLED ? "auc_pooled" : m.publishedKey();
                cells.add(new PaperCell(m.publishedKey(), runKey, paper, m.mean(r) - paper));
            }
        }
        return cells;
    }

    private static final String UNDEFINED = "–";

    private RunExport() {
    }

    /** Writes a stored run's Table 1 beside the shipped published values to {@code file} (UTF-8) in {@code format}. */
    public static void write(RunStore store, String runId, Format format, Path file) throws IOException {
        org.signalbench.exporting.SafeOutputFile.writeString(file, null, export(format, RunSummary.rows(store, runId)));
    }

    /** The rows beside the published values SignalBench ships ({@link PublishedValues#load()}). */
    public static String export(Format format, List<RunSummary.Row> rows) {
        return export(format, rows, PublishedValues.load());
    }

    public static String export(Format format, List<RunSummary.Row> rows, PublishedValues published) {
        return switch (format) {
            case CSV -> csv(rows, published);
            case MARKDOWN -> markdown(rows, published);
            case LATEX -> latex(rows, published);
        };
    }

    public static String csv(List<RunSummary.Row> rows, PublishedValues published) {
        StringBuilder out = new StringBuilder();
        try (SafeCsvPrinter csv = new SafeCsvPrinter(out, false, "variant", "model", "folds", "precision", "precision_sd",
                "recall", "recall_sd", "f1", "f1_sd", "auc", "auc_sd", "auc_pooled", "paper_precision", "diff_precision",
                "paper_recall", "diff_recall", "paper_f1", "diff_f1", "paper_auc", "diff_auc_pooled")) {
            for (RunSummary.Row r : rows) {
                List<Object> record = new ArrayList<>(List.of(r.variant(), r.model(), r.folds(), full(r.precision()),
                        full(r.precisionSd()), full(r.recall()), full(r.recallSd()), full(r.f1()), full(r.f1Sd()), full(r.auc()),
                        full(r.aucSd()), full(r.aucPooled())));
                for (PaperCell c : paperCells(r, published)) {
                    record.add(full(c.paper()));
                    record.add(full(c.difference()));
                }
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String markdown(List<RunSummary.Row> rows, PublishedValues published) {
        List<String> models = models(rows);
        StringBuilder b = new StringBuilder("| variant | measure |");
        models.forEach(m -> {
            String name = MarkdownText.cell(m);
            b.append(' ').append(name).append(" | ").append(name).append(" paper | ").append(name).append(" Δ |");
        });
        b.append("\n|---|---|");
        models.forEach(m -> b.append("---|---|---|"));
        b.append('\n');
        for (String v : variants(rows)) {
            boolean first = true;
            for (Measure measure : Measure.values()) {
                b.append("| ").append(first ? MarkdownText.cell(v) : "").append(" | ").append(measure.label()).append(" |");
                for (String m : models) {
                    for (String cell : cells(rows, published, v, m, measure)) {
                        b.append(' ').append(cell).append(" |");
                    }
                }
                b.append('\n');
                first = false;
            }
        }
        return b.toString();
    }

    public static String latex(List<RunSummary.Row> rows, PublishedValues published) {
        List<String> models = models(rows);
        StringBuilder b = new StringBuilder("\\begin{tabular}{ll").append("rrr".repeat(models.size())).append("}\n\\hline\n");
        b.append("variant & measure");
        models.forEach(m -> b.append(" & ").append(tex(m)).append(" & ").append(tex(m)).append(" paper & ").append(tex(m))
                .append(" $\\Delta$"));
        b.append(" \\\\\n\\hline\n");
        for (String v : variants(rows)) {
            boolean first = true;
            for (Measure measure : Measure.values()) {
                b.append(first ? tex(v) : "").append(" & ").append(tex(measure.label()));
                for (String m : models) {
                    for (String cell : cells(rows, published, v, m, measure)) {
                        b.append(" & ").append(cell.replace(" ± ", " $\\pm$ ").replace(UNDEFINED, "--"));
                    }
                }
                b.append(" \\\\\n");
                first = false;
            }
            b.append("\\hline\n");
        }
        return b.append("\\end{tabular}\n").toString();
    }

    private static List<String> models(List<RunSummary.Row> rows) {
        return rows.stream().map(RunSummary.Row::model).distinct().toList();
    }

    private static List<String> variants(List<RunSummary.Row> rows) {
        return rows.stream().map(RunSummary.Row::variant).distinct().toList();
    }

    /** A model's three cells on a measure's row: this run, the paper, the difference (run − paper). */
    private static List<String> cells(List<RunSummary.Row> rows, PublishedValues published, String variant, String model,
                                      Measure measure) {
        RunSummary.Row row = rows.stream().filter(r -> r.variant().equals(variant) && r.model().equals(model)).findFirst()
                .orElse(null);
        double paper = measure.published(published, variant, model);
        return List.of(row == null ? UNDEFINED : measure.cell(row), paperNumber(paper),
                row == null ? UNDEFINED : signed(measure.mean(row) - paper));
    }

    /** As the paper gives it (two decimals of a percentage: four of a fraction). */
    private static String paperNumber(double x) {
        return Double.isNaN(x) ? UNDEFINED : String.format(Locale.ROOT, "%.4f", x);
    }

    /** A difference with its sign, e.g. "+0.012". */
    public static String signed(double x) {
        return Double.isNaN(x) ? UNDEFINED : String.format(Locale.ROOT, "%+.3f", x);
    }

    private static String meanSd(double mean, double sd) {
        return Double.isNaN(mean) ? UNDEFINED : number(mean) + " ± " + number(sd);
    }

    private static String number(double x) {
        return Double.isNaN(x) ? UNDEFINED : String.format(Locale.ROOT, "%.3f", x);
    }

    private static String full(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }

    /** Escapes the characters LaTeX treats specially in model and variant names. */
    private static String tex(String text) {
        StringBuilder b = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(ch);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
