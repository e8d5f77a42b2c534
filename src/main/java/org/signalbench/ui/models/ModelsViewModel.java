package org.signalbench.ui.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.signalbench.app.CrossValidationService;
import org.signalbench.app.FinalModelService;
import org.signalbench.app.RunResults;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.models.CvConfig;
import org.signalbench.models.CvListener;
import org.signalbench.models.FoldResult;
import org.signalbench.models.Folds;
import org.signalbench.models.ModelCatalog;
import org.signalbench.models.RunStatus;
import org.signalbench.models.PublishedValues;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.models.TrainingEpoch;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Durations;
import org.signalbench.ui.common.Tasks;
import org.signalbench.ui.jobs.JobViewModel;

/**
 * State of the Models view. Setup: variants, models (whatever {@link ModelCatalog#available()}
 * offers), LSTM preset, folds, seed, fold scheme and the hyperparameters (changed values become the
 * run's overrides). Start and Resume run a cross-validation as a job; its units and epochs arrive on
 * the worker thread and are handed to the FX thread for the live progress, loss chart and fold
 * table. The stored runs of the workbench, the selected run's results (Table 1 beside the published
 * values, folds, ROC curves, confusion counts, paired tests), a run to compare it with, and exports.
 */
public final class ModelsViewModel {
    private static final System.Logger LOG = System.getLogger(ModelsViewModel.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    static final String LSTM = "lstm";

    private final CurrentWorkbench current;
    private final Executor executor;
    private final JobManager jobs;
    private final RunExports exports;
    private final CrossValidationService crossValidation;
    private final FinalModelViewModel finalModel;

    private final List<String> availableModels = ModelCatalog.available();
    private final Map<Variant, BooleanProperty> variants = new EnumMap<>(Variant.class);
    private final Map<String, BooleanProperty> models = new LinkedHashMap<>();
    private final StringProperty preset = new SimpleStringProperty(LstmPresets.DEFAULT);
    private final ObjectProperty<Integer> folds = new SimpleObjectProperty<>(10);
    private final StringProperty seed = new SimpleStringProperty("1");
    private final ObjectProperty<Folds.Scheme> scheme = new SimpleObjectProperty<>(Folds.Scheme.STRATIFIED);
    private final ObservableList<Hyperparameter> hyperparameters = FXCollections.observableArrayList();
    private final FilteredList<Hyperparameter> shownHyperparameters = new FilteredList<>(hyperparameters);
    private final StringProperty setupProblem = new SimpleStringProperty("");

    private final ObjectProperty<JobViewModel> job = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty unit = new SimpleStringProperty("No run under way.");
    private final DoubleProperty foldProgress = new SimpleDoubleProperty();
    private final StringProperty lossTitle = new SimpleStringProperty("Loss per epoch (LSTM)");
    private final ObservableList<TrainingEpoch> epochs = FXCollections.observableArrayList();
    private final ObservableList<FoldResult> liveFolds = FXCollections.observableArrayList();
    private int unitsPerFold = 1;
    private int foldCount = 1;
    private String chartUnit = "";
    /** The run under way: its id when resumed, else the ids stored before it started; whether the list shows it yet. */
    private String resumedId;
    private Set<String> runsBefore = Set.of();
    private boolean runListed;

    private final ObservableList<RunStore.Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunStore.Run> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<RunStore.Run> compareWith = new SimpleObjectProperty<>();
    private final ObjectProperty<RunResults> results = new SimpleObjectProperty<>();
    private final ObjectProperty<Table1Grid> table1 = new SimpleObjectProperty<>();
    private final StringProperty publishedSource = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty estimate = new SimpleStringProperty("");
    private int estimates;
    private final BooleanBinding canStart;
    private final BooleanBinding canResume;
    private volatile PublishedValues published;
    /** Counts result loads, so a load that a newer one replaced is dropped. */
    private int generation;

    public ModelsViewModel(CurrentWorkbench current, Executor executor, JobManager jobs, CrossValidationService crossValidation) {
        this(current, executor, jobs, crossValidation, RunExports.TABLE1, null);
    }

    /** With the final model ({@link FinalModelViewModel}) trained and scored through {@code finals}. */
    public ModelsViewModel(CurrentWorkbench current, Executor executor, JobManager jobs, CrossValidationService crossValidation,
                           FinalModelService finals) {
        this(current, executor, jobs, crossValidation, RunExports.TABLE1, null, finals);
    }

    /**
     * @param published the published Table 1 to show, or null to read {@link PublishedValues#RESOURCE}
     *                  (in the background) when the first results are shown
     */
    public ModelsViewModel(CurrentWorkbench current, Executor executor, JobManager jobs,
                           CrossValidationService crossValidation, RunExports exports, PublishedValues published) {
        this(current, executor, jobs, crossValidation, exports, published, null);
    }

    /** @param finals trains and scores final models; null: the view offers none */
    public ModelsViewModel(CurrentWorkbench current, Executor executor, JobManager jobs,
                           CrossValidationService crossValidation, RunExports exports, PublishedValues published,
                           FinalModelService finals) {
        this.finalModel = finals == null ? null
                : new FinalModelViewModel(current, executor, jobs, finals, this::overridesOf, seed::get);
        this.current = current;
        this.crossValidation = crossValidation;
        this.executor = executor;
        this.jobs = jobs;
        this.exports = exports;
        this.published = published;
        for (Variant v : Variant.values()) {
            variants.put(v, new SimpleBooleanProperty(true));
        }
        // Defaults that finish in minutes on the sample: the decision tree and the linear SVM (10 folds × 3
        // variants of the 12,857-post sample took 4 min 22 s on 2 cores at load average 20, docs/models-view.md);
        // the study's forest and LSTM take far longer and are one tick away.
        List<String> study = List.of("dt", "svm");
        for (String id : availableModels) {
            models.put(id, new SimpleBooleanProperty(study.contains(id)));
            ModelCatalog.defaults(id).forEach((name, value) -> hyperparameters.add(new Hyperparameter(id, name, String.valueOf(value))));
        }
        applyPreset(preset.get());
        preset.addListener((obs, old, now) -> applyPreset(now));
        shownHyperparameters.setPredicate(chosenModel());
        models.values().forEach(p -> p.addListener((obs, old, now) -> shownHyperparameters.setPredicate(chosenModel())));
        variants.values().forEach(p -> p.addListener((obs, old, now) -> validate()));
        models.values().forEach(p -> p.addListener((obs, old, now) -> validate()));
        hyperparameters.forEach(h -> h.valueProperty().addListener((obs, old, now) -> validate()));
        seed.addListener((obs, old, now) -> validate());
        folds.addListener((obs, old, now) -> validate());
        validate();
        canStart = Bindings.createBooleanBinding(() -> !running.get() && setupProblem.get().isEmpty() && current.get() != null,
                running, setupProblem, current.workbenchProperty());
        canResume = Bindings.createBooleanBinding(() -> !running.get() && selected.get() != null
                && selected.get().status() != RunStatus.FINISHED, running, selected);

        current.workbenchProperty().addListener((obs, old, now) -> {
            selected.set(null);
            compareWith.set(null);
            refreshRuns();
        });
        selected.addListener((obs, old, now) -> loadResults());
        models.values().forEach(p -> p.addListener((obs, old, now) -> updateEstimate()));
        variants.values().forEach(p -> p.addListener((obs, old, now) -> updateEstimate()));
        folds.addListener((obs, old, now) -> updateEstimate());
        current.workbenchProperty().addListener((obs, old, now) -> updateEstimate());
        runs.addListener((javafx.collections.ListChangeListener<RunStore.Run>) c -> updateEstimate());
        updateEstimate();
        compareWith.addListener((obs, old, now) -> loadResults());
    }

    /** The rows of the chosen models; the LSTM's "preset" row is the preset box's. */
    private Predicate<Hyperparameter> chosenModel() {
        Set<String> chosen = new HashSet<>(chosenModels());
        return h -> chosen.contains(h.model()) && !(h.model().equals(LSTM) && h.name().equals(LstmPresets.PRESET));
    }

    /** Whether this build has the LSTM, whose preset the view offers. */
    public boolean lstmAvailable() {
        return availableModels.contains(LSTM);
    }

    private void applyPreset(String name) {
        if (!lstmAvailable()) {
            return;
        }
        Set<String> editable = new HashSet<>();
        hyperparameters.stream().filter(h -> h.model().equals(LSTM)).forEach(h -> editable.add(h.name()));
        Map<String, String> values = LstmPresets.values(name, editable);
        hyperparameters.stream().filter(h -> h.model().equals(LSTM) && values.containsKey(h.name()))
                .forEach(h -> h.valueProperty().set(values.get(h.name())));
    }

    private List<String> chosenModels() {
        return models.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    /** Checks the setup; the first problem found, or empty, goes to {@link #setupProblemProperty()}. */
    private void validate() {
        setupProblem.set(problemWith());
    }

    private String problemWith() {
        if (variants.values().stream().noneMatch(BooleanProperty::get)) {
            return "Choose at least one text variant.";
        }
        if (chosenModels().isEmpty()) {
            return "Choose at least one model.";
        }
        try {
            Long.parseLong(seed.get().trim());
        } catch (NumberFormatException e) {
            return "The seed must be a whole number, not “" + seed.get() + "”.";
        }
        if (folds.get() == null || folds.get() < 2) {
            return "Cross-validation needs at least 2 folds.";
        }
        Map<String, Map<String, String>> overrides = overrides();
        for (String model : chosenModels()) {
            try {
                ModelCatalog.trainer(model, overrides.getOrDefault(model, Map.of()));
            } catch (IllegalArgumentException e) {
                return "Hyperparameter of " + model + ": " + e.getMessage();
            }
        }
        return "";
    }

    /** The changed hyperparameters of the chosen models: model → name → value. */
    private Map<String, Map<String, String>> overrides() {
        return overrides(new HashSet<>(chosenModels()));
    }

    private Map<String, Map<String, String>> overrides(Set<String> of) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        for (Hyperparameter h : hyperparameters) {
            if (of.contains(h.model()) && h.isChanged()) {
                overrides.computeIfAbsent(h.model(), m -> new LinkedHashMap<>()).put(h.name(), h.valueProperty().get().trim());
            }
        }
        return overrides;
    }

    /** The changed hyperparameters of one model, ticked or not (the final model's): name → value. */
    Map<String, String> overridesOf(String model) {
        return overrides(Set.of(model)).getOrDefault(model, Map.of());
    }

    /** The final model's part of the view, or null when this view offers none. */
    public FinalModelViewModel finalModel() {
        return finalModel;
    }

    /** The run the setup describes, or null (and the reason in {@link #setupProblemProperty()}) when it is invalid. */
    public CvConfig config() {
        validate();
        if (!setupProblem.get().isEmpty()) {
            return null;
        }
        List<Variant> chosenVariants = variants.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        return new CvConfig(chosenVariants, chosenModels(), overrides(), folds.get(), Long.parseLong(seed.get().trim()),
                scheme.get());
    }

    /** Starts a cross-validation of the setup as a job. */
    public void start() {
        CvConfig config = config();
        Workbench target = current.get();
        if (config == null || target == null || running.get()) {
            return;
        }
        submit("Cross-validation: " + String.join(", ", config.models()) + " on " + config.variants().size()
                + (config.variants().size() == 1 ? " variant" : " variants"), target, config, null);
    }

    /** Continues the selected cancelled, failed or interrupted run from its next unfinished unit. */
    public void resume() {
        RunStore.Run run = selected.get();
        Workbench target = current.get();
        if (!canResume.get() || target == null) {
            return;
        }
        submit("Resuming cross-validation " + shortId(run.id()), target, run.config(), run.id());
    }

    private void submit(String name, Workbench target, CvConfig config, String resumeId) {
        problem.set("");
        status.set("");
        RunResults shown = results.get();
        List<FoldResult> stored = new ArrayList<>(resumeId != null && shown != null && shown.run().id().equals(resumeId)
                ? shown.folds() : List.of());
        java.util.Collections.reverse(stored);
        liveFolds.setAll(stored);
        epochs.clear();
        chartUnit = "";
        unitsPerFold = config.variants().size() * config.models().size();
        foldCount = config.folds();
        foldProgress.set(0);
        unit.set("Preprocessing the captions…");
        resumedId = resumeId;
        runsBefore = new HashSet<>(runs.stream().map(RunStore.Run::id).toList());
        runListed = false;
        CvListener listener = new CvListener() {
            @Override
            public void unitStarted(String variant, String model, int fold) {
                Platform.runLater(() -> started(variant, model, fold));
            }

            @Override
            public void epoch(String variant, String model, int fold, TrainingEpoch epoch) {
                Platform.runLater(() -> epochArrived(variant, model, fold, epoch));
            }

            @Override
            public void unitFinished(FoldResult result) {
                Platform.runLater(() -> unitFinishedOnFx(result));
            }
        };
        SubmittedJob<String> submitted = jobs.submit(name, context -> resumeId == null
                ? crossValidation.start(target, config, context, listener)
                : crossValidation.resume(target, resumeId, context, listener));
        job.set(new JobViewModel(submitted.job()));
        running.set(true);
        submitted.result().whenComplete((id, error) -> Platform.runLater(() -> ended(id, error)));
    }

    /** The stored run of the run under way: the resumed one, or the one that was not there before it started. */
    private String runUnderWay(List<RunStore.Run> list) {
        return resumedId != null ? resumedId
                : list.stream().map(RunStore.Run::id).filter(i -> !runsBefore.contains(i)).findFirst().orElse(null);
    }

    private void started(String variant, String model, int fold) {
        if (!runListed) {
            // The run is stored now: list it (as running) and show what it has.
            runListed = true;
            refreshRuns(this::runUnderWay);
        }
        unit.set("Fold " + (fold + 1) + " of " + foldCount + ": " + model + " on " + variant);
        foldProgress.set(liveFolds.stream().filter(f -> f.fold() == fold).count() / (double) unitsPerFold);
    }

    private void epochArrived(String variant, String model, int fold, TrainingEpoch epoch) {
        String key = variant + "/" + model + "/" + fold;
        if (!key.equals(chartUnit)) {
            chartUnit = key;
            epochs.clear();
            lossTitle.set("Loss: " + model + " · " + variant + " · fold " + (fold + 1));
        }
        epochs.add(epoch);
    }

    private void unitFinishedOnFx(FoldResult result) {
        liveFolds.add(0, result);
        foldProgress.set(liveFolds.stream().filter(f -> f.fold() == result.fold()).count() / (double) unitsPerFold);
    }

    private void ended(String id, Throwable error) {
        running.set(false);
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause == null) {
            unit.set("Finished: " + trainings(liveFolds.size()) + ".");
            foldProgress.set(1);
            status.set("Run " + shortId(id) + " finished.");
        } else if (cause instanceof CancelledException) {
            unit.set("Cancelled after " + trainings(liveFolds.size()) + ".");
            status.set("Cancelled: the finished folds are kept; select the run and press Resume to continue it.");
        } else {
            unit.set("Failed.");
            problem.set("The cross-validation failed: " + reason(cause));
        }
        // A run cancelled or failed in start() gives no id: it is the stored run that was not there before.
        refreshRuns(list -> id != null ? id : runUnderWay(list));
    }

    /** "7 models trained and tested" in plain words (one per model, text variant and fold). */
    static String trainings(int count) {
        return count + (count == 1 ? " model" : " models") + " trained and tested (one per model, text variant and fold)";
    }

    /** Reads the stored runs of the open workbench in the background, keeping the selected run selected. */
    public void refreshRuns() {
        String keep = selected.get() == null ? null : selected.get().id();
        refreshRuns(list -> keep);
    }

    /** Reads the stored runs in the background; then selects the run whose id {@code pick} gives. */
    private void refreshRuns(Function<List<RunStore.Run>, String> pick) {
        Workbench target = current.get();
        if (target == null) {
            runs.clear();
            return;
        }
        Tasks.create(() -> crossValidation.runs(target))
                .onSuccess(list -> {
                    if (target != current.get()) {
                        return;
                    }
                    runs.setAll(list);
                    String wanted = pick.apply(list);
                    selected.set(null); // the same run comes back with a new status: reload it
                    selected.set(list.stream().filter(r -> r.id().equals(wanted)).findFirst().orElse(null));
                    if (compareWith.get() != null && !list.contains(compareWith.get())) {
                        RunStore.Run other = compareWith.get();
                        compareWith.set(list.stream().filter(r -> r.id().equals(other.id())).findFirst().orElse(null));
                    }
                })
                .onError(e -> problem.set("Cannot read the stored runs: " + reason(e)))
                .runOn(executor);
    }

    /** Reads the selected run's results (and the compared run's Table 1) in the background. */
    private void loadResults() {
        RunStore.Run run = selected.get();
        RunStore.Run other = compareWith.get();
        Workbench target = current.get();
        int mine = ++generation;
        if (run == null || target == null) {
            results.set(null);
            table1.set(null);
            return;
        }
        Tasks.create(() -> {
                    if (published == null) {
                        published = PublishedValues.load();
                    }
                    RunResults loaded = crossValidation.runResults(target, run.id());
                    List<RunSummary.Row> compared = other == null || other.id().equals(run.id()) ? null
                            : crossValidation.rows(target, other.id());
                    return new Loaded(loaded, Table1Grid.of(loaded.rows(), compared, published));
                })
                .onSuccess(loaded -> {
                    if (mine == generation) {
                        results.set(loaded.results());
                        table1.set(loaded.grid());
                        PublishedValues p = published;
                        publishedSource.set(!p.problem().isEmpty() ? p.problem()
                                : p.source().isEmpty() ? "No published values to compare with (—)."
                        : "Paper: " + p.source() + (p.isEmpty() ? ". None of its values is entered yet (—)." : ""));
                    }
                })
                .onError(e -> {
                    if (mine == generation) {
                        problem.set("Cannot read run " + shortId(run.id()) + ": " + reason(e));
                    }
                })
                .runOn(executor);
    }

    private record Loaded(RunResults results, Table1Grid grid) {
    }

    /** Writes the selected run's Table 1 to {@code file} in the background. */
    public void export(RunExports.Format format, Path file) {
        RunStore.Run run = selected.get();
        Workbench target = current.get();
        if (run == null || target == null) {
            return;
        }
        Tasks.create(() -> {
                    String text = exports.render(crossValidation.rows(target, run.id()), format);
                    Path parent = file.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    org.signalbench.exporting.SafeOutputFile.writeString(file, target.file(), text);
                    return file;
                })
                .onSuccess(written -> status.set("Exported run " + shortId(run.id()) + " as " + format.label + " to " + written))
                .onError(e -> problem.set("Cannot export run " + shortId(run.id()) + " as " + format.label + ": " + reason(e)))
                .runOn(executor);
    }

    /** Cancels the run under way; its finished folds stay stored. */
    public void cancel() {
        JobViewModel now = job.get();
        if (now != null) {
            now.cancel();
        }
    }

    static String shortId(String id) {
        return id == null ? "" : id.substring(0, Math.min(8, id.length()));
    }

    /** How a run is named in lists: start time, status, models. */
    public static String describe(RunStore.Run run) {
        return started(run) + " · " + run.status().key() + " · " + String.join(", ", run.config().models()) + " · "
                + shortId(run.id());
    }

    public static String started(RunStore.Run run) {
        return run.startedAt() == null ? "" : WHEN.format(run.startedAt());
    }

    public static String duration(RunStore.Run run) {
        return Durations.shortText(Duration.ofMillis(Math.round(run.durationSeconds() * 1000)));
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** Says, before Start, how long the chosen run will take (from the fold timings stored in this workbench). */
    private void updateEstimate() {
        Workbench workbench = current.get();
        List<String> chosen = chosenModels();
        int variantCount = (int) variants.values().stream().filter(BooleanProperty::get).count();
        Integer foldCount = folds.get();
        int mine = ++estimates;
        if (workbench == null || chosen.isEmpty() || variantCount == 0 || foldCount == null) {
            estimate.set("");
            return;
        }
        Tasks.create(() -> org.signalbench.app.RunEstimates.estimate(workbench, chosen, variantCount, foldCount).text())
                .onSuccess(text -> {
                    if (mine == estimates) {
                        estimate.set(text);
                    }
                })
                .runOn(executor);
    }

    /** The estimate of the chosen run's time, or "" while there is none to give. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate;
    }

    public List<String> availableModels() {
        return availableModels;
    }

    /** Takes the run settings the window remembered (models, variants, folds, seed, scheme, preset, hyperparameters, the final model's model and variant); unknown or bad values are skipped. */
    public void restoreSettings(java.util.Properties values) {
        models.forEach((id, chosen) -> {
            String v = values.getProperty("models.model." + id);
            if (v != null) {
                chosen.set(Boolean.parseBoolean(v));
            }
        });
        variants.forEach((variant, chosen) -> {
            String v = values.getProperty("models.variant." + variant.key());
            if (v != null) {
                chosen.set(Boolean.parseBoolean(v));
            }
        });
        try {
            String f = values.getProperty("models.folds");
            if (f != null) {
                folds.set(Integer.parseInt(f));
            }
            String sc = values.getProperty("models.scheme");
            if (sc != null) {
                scheme.set(Folds.Scheme.valueOf(sc));
            }
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "a remembered Models setting is no longer valid", e);
        }
        String s = values.getProperty("models.seed");
        if (s != null) {
            seed.set(s);
        }
        String p = values.getProperty("models.preset");
        if (p != null && LstmPresets.NAMES.contains(p)) {
            preset.set(p);
        }
        for (Hyperparameter h : hyperparameters) {
            String v = values.getProperty("models.hp." + h.model() + "." + h.name());
            if (v != null) {
                h.valueProperty().set(v);
            }
        }
        if (finalModel != null) {
            String m = values.getProperty("models.final.model");
            if (m != null && availableModels.contains(m)) {
                finalModel.modelProperty().set(m);
            }
            String v = values.getProperty("models.final.variant");
            if (v != null) {
                try {
                    finalModel.variantProperty().set(Variant.fromKey(v));
                } catch (IllegalArgumentException e) {
                    LOG.log(System.Logger.Level.DEBUG, "a remembered final-model variant is no longer valid", e);
                }
            }
        }
    }

    /** Puts the current run settings into {@code values} for the window to remember. */
    public void captureSettings(java.util.Properties values) {
        models.forEach((id, chosen) -> values.setProperty("models.model." + id, Boolean.toString(chosen.get())));
        variants.forEach((variant, chosen) -> values.setProperty("models.variant." + variant.key(), Boolean.toString(chosen.get())));
        if (folds.get() != null) {
            values.setProperty("models.folds", folds.get().toString());
        }
        values.setProperty("models.scheme", scheme.get().name());
        values.setProperty("models.seed", seed.get() == null ? "" : seed.get());
        values.setProperty("models.preset", preset.get());
        for (Hyperparameter h : hyperparameters) {
            values.setProperty("models.hp." + h.model() + "." + h.name(), h.valueProperty().get());
        }
        if (finalModel != null && finalModel.modelProperty().get() != null && finalModel.variantProperty().get() != null) {
            values.setProperty("models.final.model", finalModel.modelProperty().get());
            values.setProperty("models.final.variant", finalModel.variantProperty().get().key());
        }
    }

    public BooleanProperty variantProperty(Variant v) {
        return variants.get(v);
    }

    public BooleanProperty modelProperty(String id) {
        return models.get(id);
    }

    /** The LSTM preset: laptop (default) or paper. */
    public StringProperty presetProperty() {
        return preset;
    }

    public List<String> presets() {
        return LstmPresets.NAMES;
    }

    public ObjectProperty<Integer> foldsProperty() {
        return folds;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<Folds.Scheme> schemeProperty() {
        return scheme;
    }

    /** The hyperparameters of the chosen models. */
    public ObservableList<Hyperparameter> hyperparameters() {
        return shownHyperparameters;
    }

    /** Why the setup cannot run (bad value, nothing chosen), or empty. */
    public ReadOnlyStringProperty setupProblemProperty() {
        return setupProblem;
    }

    public BooleanBinding canStartBinding() {
        return canStart;
    }

    public BooleanBinding canResumeBinding() {
        return canResume;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** The job of the last run started or resumed here, or null. */
    public ReadOnlyObjectProperty<JobViewModel> jobProperty() {
        return job;
    }

    /** The unit under way ("Fold 2 of 10: svm on hashtags-only") or how the run ended. */
    public ReadOnlyStringProperty unitProperty() {
        return unit;
    }

    /** Share of the current fold's units finished. */
    public ReadOnlyDoubleProperty foldProgressProperty() {
        return foldProgress;
    }

    public ReadOnlyStringProperty lossTitleProperty() {
        return lossTitle;
    }

    /** The epochs of the latest unit trained in epochs, as they finish. */
    public ObservableList<TrainingEpoch> epochs() {
        return epochs;
    }

    /** The units of the run under way (or last run here), newest first, as they finish. */
    public ObservableList<FoldResult> liveFolds() {
        return liveFolds;
    }

    /** The workbench's stored runs, newest first. */
    public ObservableList<RunStore.Run> runs() {
        return runs;
    }

    public ObjectProperty<RunStore.Run> selectedProperty() {
        return selected;
    }

    public ObjectProperty<RunStore.Run> compareWithProperty() {
        return compareWith;
    }

    public ReadOnlyObjectProperty<RunResults> resultsProperty() {
        return results;
    }

    public ReadOnlyObjectProperty<Table1Grid> table1Property() {
        return table1;
    }

    /** Where the published values come from, or why there are none. */
    public ReadOnlyStringProperty publishedSourceProperty() {
        return publishedSource;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
