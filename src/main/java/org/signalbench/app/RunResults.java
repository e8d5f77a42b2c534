package org.signalbench.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signalbench.models.BinaryMetrics;
import org.signalbench.models.FoldResult;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.models.RunViews;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Session;

/**
 * Everything the Models view shows of one stored run, read in the background in one go: its
 * header, the Table-1 rows, every stored fold, and per variant and model the ROC curve and the
 * confusion counts of the pooled predictions, and the paired tests of every two models.
 */
public record RunResults(RunStore.Run run, List<RunSummary.Row> rows, List<FoldResult> folds,
                         Map<String, Map<String, List<RunViews.RocPoint>>> roc,
                         Map<String, Map<String, BinaryMetrics>> confusion, List<RunSummary.Comparison> comparisons) {
    /** Points per ROC curve: finer than the chart can show. */
    public static final int ROC_POINTS = 400;

    /** Reads everything of run {@code runId} over {@code session}. */
    static RunResults load(Session session, String runId) {
        RunStore store = new RunStore(session);
        return session.unchecked(() -> {
            RunStore.Run run = store.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
            List<FoldResult> folds = new ArrayList<>();
            Map<String, Map<String, List<RunViews.RocPoint>>> roc = new LinkedHashMap<>();
            Map<String, Map<String, BinaryMetrics>> confusion = new LinkedHashMap<>();
            List<RunSummary.Comparison> comparisons = new ArrayList<>();
            List<String> models = run.config().models();
            for (Variant v : run.config().variants()) {
                Map<String, List<RunViews.RocPoint>> curves = new LinkedHashMap<>();
                Map<String, BinaryMetrics> counts = new LinkedHashMap<>();
                for (String model : models) {
                    folds.addAll(store.folds(runId, v.key(), model));
                    List<RunStore.Prediction> predictions = store.predictions(runId, v.key(), model);
                    if (!predictions.isEmpty()) {
                        curves.put(model, RunViews.roc(predictions, ROC_POINTS));
                        counts.put(model, RunViews.pooledConfusion(predictions));
                    }
                }
                roc.put(v.key(), curves);
                confusion.put(v.key(), counts);
                for (int i = 0; i < models.size(); i++) {
                    for (int j = i + 1; j < models.size(); j++) {
                        if (counts.containsKey(models.get(i)) && counts.containsKey(models.get(j))) {
                            comparisons.add(RunSummary.compare(store, runId, v.key(), models.get(i), models.get(j)));
                        }
                    }
                }
            }
            folds.sort(java.util.Comparator.comparingInt(FoldResult::fold));
            return new RunResults(run, RunSummary.rows(store, runId), List.copyOf(folds), roc, confusion, List.copyOf(comparisons));
        });
    }

    /** The variants of the run, in its order. */
    public List<String> variants() {
        return List.copyOf(roc.keySet());
    }
}
