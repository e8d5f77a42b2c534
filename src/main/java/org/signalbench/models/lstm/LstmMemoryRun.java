package org.signalbench.models.lstm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.Example;
import org.signalbench.models.Folds;
import org.signalbench.models.TrainedModel;

/**
 * The resident memory of an LSTM cross-validation epoch by epoch, as {@code bench lstm-memory}
 * measures it: the first {@code foldsRun} folds of a stratified k-fold split, each trained as
 * {@code cv} trains it (the same trainer, validation share and stopping bookkeeping) for exactly
 * {@code epochs} epochs (patience set to the epoch count, so the published rule never ends a fold
 * early) and then scoring its held-out part. After each epoch it reads the process's resident
 * memory (VmRSS) and its peak so far (VmHWM) from /proc/self/status, so one run gives the peak of a
 * 2-, 5-, 10- or 20-epoch run (the peak only grows) and shows whether memory grows with epochs or folds.
 */
public final class LstmMemoryRun {
    /** One epoch's memory: resident and peak resident kB, the Java heap's committed MB, and the epoch's seconds. */
    public record Reading(int fold, int epoch, long residentKb, long peakKb, long heapCommittedMb, double seconds) {
    }

    private LstmMemoryRun() {
    }

    /**
     * Runs the folds; {@code overrides} are {@code lstm.NAME} values as in cv (maxEpochs and patience
     * are set here). Returns every epoch's reading, each also given to {@code each} as it comes.
     */
    public static List<Reading> run(List<Example> examples, int dictionarySize, int k, int foldsRun, int epochs,
                                    Map<String, String> overrides, long seed, Consumer<Reading> each) {
        if (foldsRun < 1 || foldsRun > k) {
            throw new IllegalArgumentException("folds to run must be 1.." + k + ", not " + foldsRun);
        }
        Map<String, String> values = new LinkedHashMap<>(overrides);
        values.put("maxEpochs", Integer.toString(epochs));
        values.put("patience", Integer.toString(epochs));
        LstmModelTrainer trainer = LstmModelTrainer.create(values);
        int[] foldOf = Folds.assign(examples, k, seed, Folds.Scheme.STRATIFIED);
        List<Reading> readings = new ArrayList<>();
        for (int fold = 0; fold < foldsRun; fold++) {
            List<Example> training = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (foldOf[i] == fold ? test : training).add(examples.get(i));
            }
            int f = fold + 1;
            TrainedModel model = trainer.train(training, dictionarySize, seed + fold, JobContext.NONE, epoch -> {
                Reading r = new Reading(f, epoch.epoch(), kb("VmRSS"), kb("VmHWM"), Runtime.getRuntime().totalMemory() >> 20,
                        epoch.seconds());
                readings.add(r);
                each.accept(r);
            });
            model.score(test);
        }
        return readings;
    }

    /** A field of /proc/self/status in kB (Linux), or -1 where there is none. */
    public static long kb(String field) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }
}
