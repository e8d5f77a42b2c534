package org.signalbench.ui.models;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.signalbench.app.FinalModelService;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.models.FinalModels;
import org.signalbench.models.ModelCatalog;
import org.signalbench.models.ModelTrainer;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.jobs.JobViewModel;

/**
 * The Models view's final model: trains the chosen model on every post with a final dealer label
 * (one variant, the hyperparameters and seed of the setup), then scores the posts still to be
 * labelled; two jobs through {@link FinalModelService}, as {@code train} and {@code score} run them.
 * Once scores are stored it tells the window ({@link CurrentWorkbench#scoresChanged()}), so the
 * Annotate queue offers to order by them.
 */
public final class FinalModelViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final CurrentWorkbench current;
    private final Executor executor;
    private final JobManager jobs;
    private final FinalModelService finals;
    private final Function<String, Map<String, String>> overrides;
    private final Supplier<String> seed;

    private final List<String> availableModels = ModelCatalog.available();
    private final StringProperty model = new SimpleStringProperty();
    private final ObjectProperty<Variant> variant = new SimpleObjectProperty<>(Variant.WITH_HASHTAGS);
    private final ObjectProperty<JobViewModel> job = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty phase = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<FinalModels.FinalModel> finalModels = FXCollections.observableArrayList();
    private final BooleanBinding canTrain;

    /**
     * @param overrides the setup's changed hyperparameters of a model (name → value)
     * @param seed      the setup's seed, as typed
     */
    public FinalModelViewModel(CurrentWorkbench current, Executor executor, JobManager jobs, FinalModelService finals,
                               Function<String, Map<String, String>> overrides, Supplier<String> seed) {
        this.current = current;
        this.executor = executor;
        this.jobs = jobs;
        this.finals = finals;
        this.overrides = overrides;
        this.seed = seed;
        // The linear SVM: quick on any corpus (seconds on the sample) and among the study's best.
        model.set(availableModels.contains("svm") ? "svm" : availableModels.isEmpty() ? null : availableModels.get(0));
        canTrain = Bindings.createBooleanBinding(() -> !running.get() && current.get() != null && model.get() != null
                && variant.get() != null, running, current.workbenchProperty(), model, variant);
        current.workbenchProperty().addListener((obs, old, now) -> {
            status.set("");
            problem.set("");
            refresh();
        });
    }

    /** Reads the workbench's final models in the background. */
    public void refresh() {
        Workbench target = current.get();
        if (target == null) {
            finalModels.clear();
            return;
        }
        org.signalbench.ui.common.Tasks.create(() -> finals.list(target))
                .onSuccess(list -> {
                    if (target == current.get()) {
                        finalModels.setAll(list);
                    }
                })
                .onError(e -> problem.set("Cannot read the final models: " + reason(e)))
                .runOn(executor);
    }

    /** Trains the chosen model on the chosen variant, then scores the posts without a final label: two jobs. */
    public void trainAndScore() {
        Workbench target = current.get();
        String id = model.get();
        Variant v = variant.get();
        if (!canTrain.get() || target == null) {
            return;
        }
        problem.set("");
        status.set("");
        ModelTrainer trainer;
        long chosenSeed;
        try {
            trainer = ModelCatalog.trainer(id, overrides.apply(id));
        } catch (IllegalArgumentException e) {
            problem.set("Hyperparameter of " + id + ": " + e.getMessage());
            return;
        }
        try {
            chosenSeed = Long.parseLong(seed.get().trim());
        } catch (NumberFormatException e) {
            problem.set("The seed must be a whole number, not “" + seed.get() + "”.");
            return;
        }
        running.set(true);
        phase.set("Training " + id + " on every labelled " + v.key() + " text…");
        SubmittedJob<FinalModels.FinalModel> training = jobs.submit("Final model: training " + id + " on " + v.key(),
                context -> finals.train(target, trainer, v, chosenSeed, context));
        job.set(new JobViewModel(training.job()));
        training.result().whenComplete((trained, error) -> Platform.runLater(() -> trained(target, trained, error)));
    }

    private void trained(Workbench target, FinalModels.FinalModel trained, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause != null) {
            running.set(false);
            if (cause instanceof CancelledException) {
                phase.set("Training cancelled: nothing was saved.");
            } else {
                phase.set("Training failed.");
                problem.set("Cannot train the final model: " + reason(cause));
            }
            return;
        }
        refresh();
        phase.set("Scoring the posts without a final label with " + trained.id() + "…");
        SubmittedJob<FinalModels.ScoreResult> scoring = jobs.submit("Final model: scoring with " + trained.id(),
                context -> finals.score(target, trained.id(), false, context));
        job.set(new JobViewModel(scoring.job()));
        scoring.result().whenComplete((result, scoreError) -> Platform.runLater(() -> scored(trained, result, scoreError)));
    }

    private void scored(FinalModels.FinalModel trained, FinalModels.ScoreResult result, Throwable error) {
        running.set(false);
        Throwable cause = unwrap(error);
        if (cause instanceof CancelledException) {
            phase.set("Scoring cancelled: the model is saved, no scores were stored.");
            return;
        }
        if (cause != null) {
            phase.set("Scoring failed.");
            problem.set("Cannot score with " + trained.id() + ": " + reason(cause));
            return;
        }
        phase.set("Done.");
        status.set(String.format(Locale.ROOT, "%s learnt from %d labelled texts (%d dealer) and scored %d %s without a "
                        + "final label. In Annotate, the queue's “sort by score” box now offers it.",
                trained.id(), trained.trainingPosts(), trained.dealerPosts(), result.scored(), result.scored() == 1 ? "post" : "posts"));
        current.scoresChanged();
    }

    /** Cancels the training or scoring under way. */
    public void cancel() {
        JobViewModel now = job.get();
        if (now != null) {
            now.cancel();
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static String reason(Throwable error) {
        Throwable cause = unwrap(error);
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** When a final model was trained, as the view lists it. */
    public static String trainedAt(FinalModels.FinalModel m) {
        return m.trainedAt() == null ? "" : WHEN.format(m.trainedAt());
    }

    public List<String> availableModels() {
        return availableModels;
    }

    /** The model to train (default: the linear SVM). */
    public StringProperty modelProperty() {
        return model;
    }

    /** The text variant to train on (default: with-hashtags, the whole caption). */
    public ObjectProperty<Variant> variantProperty() {
        return variant;
    }

    public BooleanBinding canTrainBinding() {
        return canTrain;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** The job under way (training, then scoring), or the last one. */
    public ReadOnlyObjectProperty<JobViewModel> jobProperty() {
        return job;
    }

    /** What is under way, or how it ended. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** The workbench's final models, newest first. */
    public ObservableList<FinalModels.FinalModel> finalModels() {
        return finalModels;
    }
}
