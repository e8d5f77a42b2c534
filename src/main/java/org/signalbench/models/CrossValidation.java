package org.signalbench.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.jobs.UnitProgress;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Session;

/**
 * k-fold cross-validation of several models on several text variants, stored as it goes.
 *
 * <p>Order of work: fold by fold, and within a fold every variant and model, so a cancelled run has
 * whole folds for every cell. Each (variant, model, fold) is stored in its own transaction as soon as
 * it finishes; {@link #resume} skips those already stored, so a cancelled or crashed run continues
 * from the next unfinished one. Folds are drawn per variant with the run's seed; model j of fold f
 * trains with seed {@code seed + f}, so the same seed gives the same folds and the same results.
 *
 * <p>Progress: {@code done/total} counts {@link #STEPS_PER_UNIT} steps per fold unit. A unit's
 * start is reported at its first step with the message "fold 3/10: lstm on no-hashtags"; a model
 * that reports its own progress (the LSTM, per batch and epoch) moves the bar inside its unit only,
 * never back, and its messages follow the unit's ("fold 3/10: lstm on no-hashtags, epoch 5").
 */
public final class CrossValidation {
    /** Progress steps per fold unit (variant, model, fold). */
    public static final long STEPS_PER_UNIT = 1000;

    private final RunStore store;
    private final LabeledCorpus corpus;
    private CvListener listener = CvListener.NONE;
    private Map<String, String> provenance = Map.of();

    public CrossValidation(Session session, LabeledCorpus corpus) {
        this.store = new RunStore(session);
        this.corpus = corpus;
    }

    /**
     * Entries recorded beside the library versions of every run started from now on: the
     * application's version and the settings' content hashes.
     */
    public CrossValidation provenance(Map<String, String> entries) {
        this.provenance = Map.copyOf(entries);
        return this;
    }

    /** Tells {@code listener} about every unit and epoch of the runs started or resumed from now on. */
    public CrossValidation listener(CvListener newListener) {
        this.listener = newListener == null ? CvListener.NONE : newListener;
        return this;
    }

    /** Starts and runs a new run; returns its id. Throws CancelledException (run kept as 'cancelled') when cancelled. */
    public String start(CvConfig config, JobContext context) {
        List<ModelTrainer> trainers = config.models().stream().map(config::trainer).toList();
        Map<String, Map<String, Object>> hyper = new LinkedHashMap<>();
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("java", System.getProperty("java.version"));
        for (ModelTrainer t : trainers) {
            hyper.put(t.id(), t.hyperparameters());
            libraries.putAll(t.libraryVersions());
        }
        new java.util.TreeMap<>(provenance).forEach(libraries::put);
        for (Variant v : config.variants()) {
            checkEnough(v, config.folds());
        }
        String id = UUID.randomUUID().toString();
        store.create(id, config, corpus.fingerprint(config.variants()), corpus.dictionarySize(), hyper, libraries);
        execute(id, config, trainers, context);
        return id;
    }

    /** Continues a stored run from its first unfinished fold. The corpus must be the one it started on. */
    public void resume(String runId, JobContext context) {
        RunStore.Run run = store.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (!run.corpusFingerprint().equals(corpus.fingerprint(run.config().variants()))) {
            throw new IllegalStateException("run " + runId + " was made on other posts, labels or texts; "
                    + "it cannot be resumed on this workbench's current corpus");
        }
        store.setStatus(runId, RunStatus.RUNNING, 0);
        execute(runId, run.config(), run.config().models().stream().map(run::trainer).toList(), context);
    }

    private void checkEnough(Variant v, int folds) {
        List<Example> examples = corpus.examples(v);
        long dealers = examples.stream().filter(Example::dealer).count();
        if (dealers < folds || examples.size() - dealers < folds) {
            throw new IllegalArgumentException("variant " + v.key() + " has " + dealers + " dealer and "
                    + (examples.size() - dealers) + " other labelled texts; " + folds + " folds need at least "
                    + folds + " of each");
        }
    }

    private void execute(String runId, CvConfig config, List<ModelTrainer> trainers, JobContext context) {
        long started = System.nanoTime();
        Set<String> done = store.finishedFolds(runId);
        Map<Variant, int[]> foldOf = new LinkedHashMap<>();
        for (Variant v : config.variants()) {
            foldOf.put(v, Folds.assign(corpus.examples(v), config.folds(), config.seed(), config.scheme()));
        }
        long total = (long) config.folds() * config.variants().size() * trainers.size();
        long finished = done.size();
        try {
            for (int fold = 0; fold < config.folds(); fold++) {
                for (Variant v : config.variants()) {
                    for (ModelTrainer trainer : trainers) {
                        if (done.contains(RunStore.key(v.key(), trainer.id(), fold))) {
                            continue;
                        }
                        if (context.isCancelled()) {
                            throw new CancelledException();
                        }
                        String unit = "fold " + (fold + 1) + "/" + config.folds() + ": " + trainer.id() + " on " + v.key();
                        context.progress(finished * STEPS_PER_UNIT, total * STEPS_PER_UNIT, unit);
                        runFold(runId, v, trainer, fold, foldOf.get(v), config.seed(),
                                UnitProgress.within(context, finished, total, STEPS_PER_UNIT, unit));
                        finished++;
                    }
                }
            }
            context.progress(total * STEPS_PER_UNIT, total * STEPS_PER_UNIT, "finished");
            store.setStatus(runId, RunStatus.FINISHED, seconds(started));
        } catch (CancelledException e) {
            store.setStatus(runId, RunStatus.CANCELLED, seconds(started));
            throw e;
        } catch (RuntimeException | Error e) {
            try {
                store.setStatus(runId, RunStatus.FAILED, seconds(started));
            } catch (RuntimeException recordFailed) {
                e.addSuppressed(recordFailed); // the same full disk or lock: the first failure is the one to tell
            }
            throw e;
        }
    }

    private void runFold(String runId, Variant v, ModelTrainer trainer, int fold, int[] foldOf, long seed, JobContext context) {
        List<Example> examples = corpus.examples(v);
        List<Example> training = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (foldOf[i] == fold ? test : training).add(examples.get(i));
        }
        listener.unitStarted(v.key(), trainer.id(), fold);
        long t0 = System.nanoTime();
        TrainedModel model = trainer.train(training, corpus.dictionarySize(), seed + fold, context,
                epoch -> listener.epoch(v.key(), trainer.id(), fold, epoch));
        long t1 = System.nanoTime();
        List<Scored> scored = model.score(test);
        long t2 = System.nanoTime();
        List<Boolean> dealer = test.stream().map(Example::dealer).toList();
        boolean[] truth = new boolean[test.size()];
        double[] scores = new double[test.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = dealer.get(i);
            scores[i] = scored.get(i).score();
        }
        FoldResult result = new FoldResult(v.key(), trainer.id(), fold, training.size(), test.size(),
                BinaryMetrics.of(scored, dealer), BinaryMetrics.auc(truth, scores), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        store.saveFold(runId, result, scored, dealer);
        listener.unitFinished(result);
    }

    private static double seconds(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1e9;
    }
}
