package org.signalbench.ui.models;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signalbench.models.PublishedValues;
import org.signalbench.models.RunExport.Measure;
import org.signalbench.models.RunSummary;

/**
 * A run's figures laid out like the study's Table 1: variants × measures as rows (precision,
 * recall, F1, AUC as "mean ± sd" over folds, and the AUC of the pooled predictions), models as
 * columns, each model with sub-columns: this run's figure, optionally another run's and the
 * difference of the means, the published value and this run's difference from it.
 *
 * @param models     the run's models, in its order
 * @param subColumns the sub-columns every model has, e.g. ["run", "published"]
 * @param lines      one per variant and measure
 */
public record Table1Grid(List<String> models, List<String> subColumns, List<Line> lines) {
    public static final String RUN = "this run";
    public static final String COMPARED = "compared";
    public static final String DIFFERENCE = "Δ mean";
    public static final String PUBLISHED = "paper";
    public static final String PAPER_DIFFERENCE = "Δ paper";
    /** No value: no such row in the run, or the paper gives none. (An undefined figure is RunExport's "–".) */
    private static final String NONE = "—";

    /**
     * One row. {@code variantLabel} is the variant on its first measure and empty below it, as in
     * the paper; {@code cells} holds, per model, the texts of the sub-columns.
     */
    public record Line(String variant, String variantLabel, String measure, Map<String, List<String>> cells) {
        public String cell(String model, String subColumn, List<String> subColumns) {
            List<String> texts = cells.get(model);
            int i = subColumns.indexOf(subColumn);
            return texts == null || i < 0 ? NONE : texts.get(i);
        }
    }

    /** The grid of {@code rows}; {@code compared} (rows of another run, or null) adds its figures and the difference. */
    public static Table1Grid of(List<RunSummary.Row> rows, List<RunSummary.Row> compared, PublishedValues published) {
        List<String> models = rows.stream().map(RunSummary.Row::model).distinct().toList();
        List<String> variants = rows.stream().map(RunSummary.Row::variant).distinct().toList();
        List<String> sub = new ArrayList<>(List.of(RUN));
        if (compared != null) {
            sub.add(COMPARED);
            sub.add(DIFFERENCE);
        }
        sub.add(PUBLISHED);
        sub.add(PAPER_DIFFERENCE);
        List<Line> lines = new ArrayList<>();
        for (String variant : variants) {
            for (Measure measure : Measure.values()) {
                Map<String, List<String>> cells = new LinkedHashMap<>();
                for (String model : models) {
                    RunSummary.Row mine = find(rows, variant, model);
                    List<String> texts = new ArrayList<>();
                    texts.add(mine == null ? NONE : measure.cell(mine));
                    if (compared != null) {
                        RunSummary.Row other = find(compared, variant, model);
                        texts.add(other == null ? NONE : measure.cell(other));
                        texts.add(mine == null || other == null ? NONE : signed(measure.mean(mine) - measure.mean(other)));
                    }
                    // The paper's AUC goes with the pooled AUC: the study computed AUC on the whole data set.
                    double paper = measure.published(published, variant, model);
                    texts.add(published(paper));
                    texts.add(mine == null ? NONE : signed(measure.mean(mine) - paper));
                    cells.put(model, List.copyOf(texts));
                }
                lines.add(new Line(variant, measure == Measure.PRECISION ? variant : "", measure.label(), cells));
            }
        }
        return new Table1Grid(models, List.copyOf(sub), List.copyOf(lines));
    }

    private static RunSummary.Row find(List<RunSummary.Row> rows, String variant, String model) {
        return rows.stream().filter(r -> r.variant().equals(variant) && r.model().equals(model)).findFirst().orElse(null);
    }

    private static String signed(double x) {
        return Double.isNaN(x) ? NONE : String.format(Locale.ROOT, "%+.3f", x);
    }

    /** As the paper gives it: no digits added. */
    private static String published(double v) {
        return Double.isNaN(v) ? NONE : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
