package org.signalbench.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.signalbench.exporting.MarkdownText;
import org.signalbench.exporting.SafeCsvPrinter;

/**
 * A run's Table-1 figures ({@link RunSummary#rows}) as CSV, Markdown or LaTeX, for the
 * command line ({@code runs export}) and the app's Models view alike.
 *
 * <ul>
 * <li>CSV (RFC 4180, header row): one line per variant and model: {@code variant, model, folds,
 * precision, precision_sd, recall, recall_sd, f1, f1_sd, auc, auc_sd, auc_pooled}; fractions 0–1 at
 * full precision; an undefined value (AUC of one-class folds) is an empty cell.</li>
 * <li>Markdown and LaTeX: laid out as the study's Table 1: variants × measures as rows, models as
 * columns, "mean ± SD" over folds (3 decimals), the pooled AUC in its own row; undefined is "–".</li>
 * </ul>
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
        PRECISION("precision", r -> meanSd(r.precision(), r.precisionSd())),
        RECALL("recall", r -> meanSd(r.recall(), r.recallSd())),
        F1("F1", r -> meanSd(r.f1(), r.f1Sd())),
        AUC("AUC", r -> meanSd(r.auc(), r.aucSd())),
        AUC_POOLED("AUC pooled", r -> number(r.aucPooled()));

        private final String label;
        private final Function<RunSummary.Row, String> cell;

        Measure(String label, Function<RunSummary.Row, String> cell) {
            this.label = label;
            this.cell = cell;
        }

        public String label() {
            return label;
        }

        /** The cell text, e.g. "0.927 ± 0.029", or "–" when undefined. */
        public String cell(RunSummary.Row row) {
            return cell.apply(row);
        }
    }

    private static final String UNDEFINED = "–";

    private RunExport() {
    }

    /** Writes a stored run's Table 1 to {@code file} (UTF-8) in {@code format}. */
    public static void write(RunStore store, String runId, Format format, Path file) throws IOException {
        org.signalbench.exporting.SafeOutputFile.writeString(file, null, export(format, RunSummary.rows(store, runId)));
    }

    public static String export(Format format, List<RunSummary.Row> rows) {
        return switch (format) {
            case CSV -> csv(rows);
            case MARKDOWN -> markdown(rows);
            case LATEX -> latex(rows);
        };
    }

    public static String csv(List<RunSummary.Row> rows) {
        StringBuilder out = new StringBuilder();
        try (SafeCsvPrinter csv = new SafeCsvPrinter(out, false, "variant", "model", "folds", "precision", "precision_sd",
                "recall", "recall_sd", "f1", "f1_sd", "auc", "auc_sd", "auc_pooled")) {
            for (RunSummary.Row r : rows) {
                csv.printRecord(r.variant(), r.model(), r.folds(), full(r.precision()), full(r.precisionSd()), full(r.recall()),
                        full(r.recallSd()), full(r.f1()), full(r.f1Sd()), full(r.auc()), full(r.aucSd()), full(r.aucPooled()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String markdown(List<RunSummary.Row> rows) {
        List<String> models = models(rows);
        StringBuilder b = new StringBuilder("| variant | measure |");
        models.forEach(m -> b.append(' ').append(MarkdownText.cell(m)).append(" |"));
        b.append("\n|---|---|");
        models.forEach(m -> b.append("---|"));
        b.append('\n');
        for (String v : variants(rows)) {
            boolean first = true;
            for (Measure measure : Measure.values()) {
                b.append("| ").append(first ? MarkdownText.cell(v) : "").append(" | ").append(measure.label()).append(" |");
                for (String m : models) {
                    b.append(' ').append(cell(rows, v, m, measure)).append(" |");
                }
                b.append('\n');
                first = false;
            }
        }
        return b.toString();
    }

    public static String latex(List<RunSummary.Row> rows) {
        List<String> models = models(rows);
        StringBuilder b = new StringBuilder("\\begin{tabular}{ll").append("r".repeat(models.size())).append("}\n\\hline\n");
        b.append("variant & measure");
        models.forEach(m -> b.append(" & ").append(tex(m)));
        b.append(" \\\\\n\\hline\n");
        for (String v : variants(rows)) {
            boolean first = true;
            for (Measure measure : Measure.values()) {
                b.append(first ? tex(v) : "").append(" & ").append(tex(measure.label()));
                for (String m : models) {
                    b.append(" & ").append(cell(rows, v, m, measure).replace(" ± ", " $\\pm$ ").replace(UNDEFINED, "--"));
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

    private static String cell(List<RunSummary.Row> rows, String variant, String model, Measure measure) {
        return rows.stream().filter(r -> r.variant().equals(variant) && r.model().equals(model)).findFirst()
                .map(measure::cell).orElse(UNDEFINED);
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
