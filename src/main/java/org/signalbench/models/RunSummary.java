package org.signalbench.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.signalbench.preprocess.Variant;

/**
 * The Table-1 figures of a stored run: per variant and model the mean over folds of precision,
 * recall, F1 and AUC, the standard deviations (sample SD, divisor k - 1), and the AUC of the pooled
 * out-of-fold predictions. Folds whose AUC is undefined (one class only) are left out of the AUC mean.
 */
public final class RunSummary {
    /** One cell group of Table 1. {@code folds} is the number of finished folds it summarizes. */
    public record Row(String variant, String model, int folds, double precision, double recall, double f1, double auc,
                      double aucPooled, double precisionSd, double recallSd, double f1Sd, double aucSd) {
    }

    /** A paired comparison of two models on one variant. */
    public record Comparison(String variant, String modelA, String modelB, PairedTests.Result f1TTest,
                             PairedTests.Result mcNemar) {
    }

    private RunSummary() {
    }

    public static List<Row> rows(RunStore store, String runId) {
        RunStore.Run run = store.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        List<Row> rows = new ArrayList<>();
        for (Variant v : run.config().variants()) {
            for (String model : run.config().models()) {
                List<FoldResult> folds = store.folds(runId, v.key(), model);
                if (folds.isEmpty()) {
                    continue;
                }
                SummaryStatistics p = stats(folds, f -> f.counts().precision());
                SummaryStatistics r = stats(folds, f -> f.counts().recall());
                SummaryStatistics f1 = stats(folds, f -> f.counts().f1());
                SummaryStatistics auc = stats(folds, FoldResult::auc);
                rows.add(new Row(v.key(), model, folds.size(), p.getMean(), r.getMean(), f1.getMean(), auc.getMean(),
                        pooledAuc(store.predictions(runId, v.key(), model)), p.getStandardDeviation(),
                        r.getStandardDeviation(), f1.getStandardDeviation(), auc.getStandardDeviation()));
            }
        }
        return rows;
    }

    private static SummaryStatistics stats(List<FoldResult> folds, ToDoubleFunction<FoldResult> measure) {
        SummaryStatistics s = new SummaryStatistics();
        for (FoldResult f : folds) {
            double x = measure.applyAsDouble(f);
            if (!Double.isNaN(x)) {
                s.addValue(x);
            }
        }
        return s;
    }

    static double pooledAuc(List<RunStore.Prediction> predictions) {
        boolean[] truth = new boolean[predictions.size()];
        double[] scores = new double[predictions.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = predictions.get(i).dealer();
            scores[i] = predictions.get(i).score();
        }
        return predictions.isEmpty() ? Double.NaN : BinaryMetrics.auc(truth, scores);
    }

    /**
     * Compares two models of a run on one variant: corrected resampled t-test on per-fold F1 (over
     * the folds both finished; test/train ratio from the fold sizes) and McNemar on the pooled
     * predictions of the posts both scored.
     */
    public static Comparison compare(RunStore store, String runId, String variant, String a, String b) {
        List<FoldResult> fa = store.folds(runId, variant, a);
        List<FoldResult> fb = store.folds(runId, variant, b);
        List<Double> xa = new ArrayList<>();
        List<Double> xb = new ArrayList<>();
        double testSize = 0;
        double trainSize = 0;
        for (FoldResult x : fa) {
            for (FoldResult y : fb) {
                if (x.fold() == y.fold()) {
                    xa.add(x.counts().f1());
                    xb.add(y.counts().f1());
                    testSize += x.testSize();
                    trainSize += x.trainSize();
                }
            }
        }
        PairedTests.Result t = xa.size() < 2 ? new PairedTests.Result(Double.NaN, Double.NaN)
                : PairedTests.correctedResampledT(xa.stream().mapToDouble(Double::doubleValue).toArray(),
                        xb.stream().mapToDouble(Double::doubleValue).toArray(), testSize / trainSize);
        java.util.Map<Long, RunStore.Prediction> byPost = new java.util.HashMap<>();
        store.predictions(runId, variant, b).forEach(p -> byPost.put(p.postId(), p));
        int onlyA = 0;
        int onlyB = 0;
        for (RunStore.Prediction pa : store.predictions(runId, variant, a)) {
            RunStore.Prediction pb = byPost.get(pa.postId());
            if (pb == null) {
                continue;
            }
            boolean rightA = pa.predicted() == pa.dealer();
            boolean rightB = pb.predicted() == pb.dealer();
            if (rightA && !rightB) {
                onlyA++;
            } else if (rightB && !rightA) {
                onlyB++;
            }
        }
        return new Comparison(variant, a, b, t, PairedTests.mcNemar(onlyA, onlyB));
    }
}
