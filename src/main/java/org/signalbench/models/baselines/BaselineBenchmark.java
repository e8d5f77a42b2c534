package org.signalbench.models.baselines;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.BinaryMetrics;
import org.signalbench.models.Example;
import org.signalbench.models.ModelTrainer;
import org.signalbench.models.Scored;
import org.signalbench.models.TrainedModel;

/**
 * Wall time of one baseline's k-fold cross-validation on one variant, as {@code bench baselines}
 * measures it: summed over the folds, fitting the TF-IDF features on the training part, training,
 * and scoring the held-out part (splitting the list into folds and the metrics are not timed;
 * nothing is stored). F1 (mean over folds) and the pooled AUC come along, so a speed-up can be
 * checked against what it costs in quality.
 */
public final class BaselineBenchmark {
    /**
     * {@code seconds}: wall time; {@code cpuSeconds}: CPU time of the whole process meanwhile (every
     * thread: the forest's trees, which grow on all cores, and also the JVM's compiler and garbage
     * collector; scikit-learn's figure is its process time too); {@code meanFeatures}: the mean
     * number of TF-IDF features per training part.
     */
    public record Timing(String model, String variant, double seconds, double cpuSeconds, double meanFeatures, double f1,
                         double aucPooled) {
    }

    private BaselineBenchmark() {
    }

    /**
     * Trains and scores the model on fold 1 of these examples, untimed, up to five times until two
     * seconds have passed: the JVM compiles a model's code only after running it a while, once per
     * process (a cross-validation pays it once for all its folds and variants), and that cost would
     * otherwise fall on whichever rows are timed first. Returns the number of runs.
     */
    public static int warmUp(ModelTrainer trainer, List<Example> examples, int[] foldOf, long seed, int dictionarySize) {
        List<Example> training = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (foldOf[i] == 0 ? test : training).add(examples.get(i));
        }
        long start = System.nanoTime();
        int runs = 0;
        do {
            trainer.train(training, dictionarySize, seed, JobContext.NONE).score(test);
            runs++;
        } while (runs < 5 && System.nanoTime() - start < 2_000_000_000L);
        return runs;
    }

    /** Runs the folds given by {@code foldOf} (0..folds-1 per example); model of fold f trains with {@code seed + f}, as in cv. */
    public static Timing time(ModelTrainer trainer, String variant, List<Example> examples, int[] foldOf, int folds,
                              long seed, int dictionarySize) {
        boolean[] truth = new boolean[examples.size()];
        double[] pooledScores = new double[examples.size()];
        double f1Sum = 0;
        double featureSum = 0;
        long nanos = 0;
        long cpuNanos = 0;
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int fold = 0; fold < folds; fold++) {
            List<Example> training = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            List<Integer> testIndex = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (foldOf[i] == fold) {
                    test.add(examples.get(i));
                    testIndex.add(i);
                } else {
                    training.add(examples.get(i));
                }
            }
            long start = System.nanoTime();
            long cpuStart = process.getProcessCpuTime();
            TrainedModel model = trainer.train(training, dictionarySize, seed + fold, JobContext.NONE);
            List<Scored> scored = model.score(test);
            nanos += System.nanoTime() - start;
            cpuNanos += process.getProcessCpuTime() - cpuStart;
            f1Sum += BinaryMetrics.of(scored, test.stream().map(Example::dealer).toList()).f1();
            for (int j = 0; j < test.size(); j++) {
                truth[testIndex.get(j)] = test.get(j).dealer();
                pooledScores[testIndex.get(j)] = scored.get(j).score();
            }
            if (trainer instanceof TfIdfBaseline baseline) {
                featureSum += baseline.features(training).vocabularySize();
            }
        }
        return new Timing(trainer.id(), variant, nanos / 1e9, cpuNanos / 1e9, featureSum / folds, f1Sum / folds, BinaryMetrics.auc(truth, pooledScores));
    }
}
