package org.signalbench.models;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.ModelRuns;
import org.signalbench.store.ProcessOwner;
import org.signalbench.store.Session;

/**
 * Cross-validation runs, their folds and predictions as the models' records, stored through
 * {@link ModelRuns} (the tables' one writer in {@code store}).
 *
 * <p>A run records the process that works on it ({@link ProcessOwner}: pid, host, process start time).
 * A run stored as {@code running} whose process is gone (killed, crashed, the machine restarted) is
 * reported with status {@value #STALE}: it was interrupted and can be resumed. A run owned by a
 * process on another host is taken to be running (its process cannot be checked from here).
 */
public final class RunStore {
    /** The status shown for a run stored as running whose process is gone. */
    public static final RunStatus STALE = RunStatus.STALE;

    private final ModelRuns rows;

    public RunStore(Session session) {
        this.rows = new ModelRuns(session);
    }

    /**
     * A stored run's header. {@code status}: running, finished, cancelled, failed, or {@value #STALE}
     * (stored as running, but its process is gone: interrupted; resume it).
     */
    public record Run(String id, Instant startedAt, Instant finishedAt, RunStatus status, CvConfig config,
                      String corpusFingerprint, int dictionarySize, Map<String, Map<String, Object>> hyperparameters,
                      Map<String, String> libraryVersions, double durationSeconds) {
        /** The trainer of one of the run's models as the run started it (settings and learner); a resume trains with it. */
        public ModelTrainer trainer(String model) {
            return ModelCatalog.storedTrainer(model, config.overrides().getOrDefault(model, Map.of()), libraryVersions);
        }
    }

    /** One stored out-of-fold prediction. */
    public record Prediction(long postId, int fold, double score, boolean predicted, boolean dealer) {
    }

    public void create(String id, CvConfig config, String fingerprint, int dictionarySize,
                       Map<String, Map<String, Object>> hyperparameters, Map<String, String> libraries) {
        rows.create(new ModelRuns.RunRow(id, null, null, RunStatus.RUNNING.key(), config.seed(), config.folds(),
                config.scheme().name().toLowerCase(java.util.Locale.ROOT),
                String.join(",", config.variants().stream().map(Variant::key).toList()), String.join(",", config.models()),
                fingerprint, dictionarySize, StoredJson.write(hyperparameters), StoredJson.write(libraries), 0),
                ProcessOwner.current());
    }

    /**
     * Sets a run's status. Setting it to {@code running} (resuming) makes this process its owner, and
     * is refused while another live process still runs it.
     */
    public void setStatus(String id, RunStatus status, double addSeconds) {
        if (status == RunStatus.STALE) {
            throw new IllegalArgumentException("'stale' is reported, never stored");
        }
        if (status == RunStatus.RUNNING) {
            claim(id);
        }
        rows.setStatus(id, status.key(), addSeconds);
    }

    private void claim(String id) {
        Optional<ProcessOwner> owner = owner(id);
        if (owner.isPresent() && storedStatus(id) == RunStatus.RUNNING && !owner.get().equals(ProcessOwner.current())
                && !owner.get().gone()) {
            throw new IllegalStateException("run " + id + " is still running in process " + owner.get().pid()
                    + " on " + owner.get().host());
        }
        setOwner(id, ProcessOwner.current());
    }

    /** Records the process working on a run. */
    void setOwner(String id, ProcessOwner owner) {
        rows.setOwner(id, owner);
    }

    /** The process that last worked on a run; empty for runs stored before owners were recorded. */
    public Optional<ProcessOwner> owner(String id) {
        return rows.owner(id);
    }

    private RunStatus storedStatus(String id) {
        return rows.run(id).map(r -> RunStatus.fromKey(r.status())).orElse(null);
    }

    /**
     * The status to show: the stored one, except that a run stored as running whose process is gone
     * (or that predates recorded owners) is {@value #STALE}.
     */
    private RunStatus status(String id, RunStatus stored) {
        if (stored != RunStatus.RUNNING) {
            return stored;
        }
        Optional<ProcessOwner> owner = owner(id);
        return owner.isEmpty() || owner.get().gone() ? STALE : stored;
    }

    /** Stores a finished fold and its predictions in one transaction: a fold is stored whole or not at all. */
    public void saveFold(String runId, FoldResult r, List<Scored> scored, List<Boolean> dealer) {
        BinaryMetrics m = r.counts();
        List<ModelRuns.PredictionRow> predictions = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            predictions.add(new ModelRuns.PredictionRow(scored.get(i).postId(), r.fold(), scored.get(i).score(),
                    scored.get(i).predictedDealer(), dealer.get(i)));
        }
        rows.saveFold(runId, new ModelRuns.FoldRow(r.variant(), r.model(), r.fold(), r.trainSize(), r.testSize(),
                m.tp(), m.fp(), m.tn(), m.fn(), m.precision(), m.recall(), m.f1(), r.auc(), r.trainSeconds(),
                r.testSeconds()), predictions);
    }

    /**
     * A stored run. Its {@link Run#config()} rebuilds the trainers exactly as the run started them: the
     * stored settings, and a setting the run predates takes the value of the behaviour it had
     * ({@link ModelCatalog#asStored}); {@link Run#hyperparameters()} is what was stored.
     */
    public Optional<Run> run(String id) {
        return rows.run(id).map(row -> {
            Map<String, Map<String, Object>> hyper = StoredJson.read(row.hyperparametersJson(), new TypeReference<>() { }, "run");
            Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
            hyper.forEach((model, params) -> {
                Map<String, String> text = new LinkedHashMap<>();
                params.forEach((k, v) -> text.put(k, String.valueOf(v)));
                overrides.put(model, ModelCatalog.asStored(model, text));
            });
            CvConfig config = new CvConfig(
                    Arrays.stream(row.variants().split(",")).map(Variant::fromKey).toList(),
                    List.of(row.models().split(",")), overrides, row.folds(), row.seed(),
                    Folds.Scheme.valueOf(row.foldScheme().toUpperCase(java.util.Locale.ROOT)));
            return new Run(row.id(), row.startedAt(), row.finishedAt(), status(id, RunStatus.fromKey(row.status())), config,
                    row.corpusFingerprint(), row.dictionarySize(), hyper,
                    StoredJson.read(row.libraryVersionsJson(), new TypeReference<>() { }, "run"), row.durationSeconds());
        });
    }

    /** Every stored run's id, newest first. */
    public List<String> runs() {
        return rows.runIds();
    }

    /** Every stored run, newest first. */
    public List<Run> all() {
        List<Run> list = new ArrayList<>();
        for (String id : runs()) {
            run(id).ifPresent(list::add);
        }
        return list;
    }

    /** Keys "variant/model/fold" of the folds already stored for a run. */
    public Set<String> finishedFolds(String runId) {
        return rows.finishedFolds(runId);
    }

    static String key(String variant, String model, int fold) {
        return variant + "/" + model + "/" + fold;
    }

    /** The stored folds of one variant and model, in fold order. */
    public List<FoldResult> folds(String runId, String variant, String model) {
        return rows.folds(runId, variant, model).stream().map(f -> new FoldResult(variant, model, f.fold(), f.trainSize(),
                f.testSize(), new BinaryMetrics(f.tp(), f.fp(), f.tn(), f.fn()), f.auc(), f.trainSeconds(),
                f.testSeconds())).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** The pooled out-of-fold predictions of one variant and model, in post-id order. */
    public List<Prediction> predictions(String runId, String variant, String model) {
        return rows.predictions(runId, variant, model).stream()
                .map(p -> new Prediction(p.postId(), p.fold(), p.score(), p.predicted(), p.dealer()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }
}
