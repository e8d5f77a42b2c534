package org.signalbench.ui.jobs;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.JobStatus;
import javafx.util.Duration;

/** All jobs of this session for the jobs panel, newest first, and what the status bar shows of them. */
public final class JobsViewModel {
    private final JobManager manager;
    // Extractor: the counts below hear about status changes of the jobs in the list.
    private final ObservableList<JobViewModel> jobs =
            FXCollections.observableArrayList(job -> new javafx.beans.Observable[] {job.statusProperty()});
    private final IntegerBinding unfinishedCount;
    private final ObjectBinding<JobViewModel> current;
    private final BooleanProperty panelOpen = new SimpleBooleanProperty();
    /** How long a job runs before the panel opens for it. */
    static final Duration OPEN_AFTER = Duration.millis(700);
    /** Whether the panel is open because a job ran (so it closes when they are done), not because the person opened it. */
    private boolean openedByAJob;

    public JobsViewModel(JobManager manager) {
        this.manager = manager;
        manager.addSubmitListener(job -> {
            JobViewModel model = new JobViewModel(job);
            Platform.runLater(() -> {
                jobs.add(0, model);
                // A job that ends within a moment (reading a table) does not flash the panel open.
                PauseTransition wait = new PauseTransition(OPEN_AFTER);
                wait.setOnFinished(e -> {
                    if (!model.statusProperty().get().isFinished()) {
                        openedByAJob = true;
                        panelOpen.set(true);
                    }
                });
                wait.play();
            });
        });
        unfinishedCount = Bindings.createIntegerBinding(
                () -> (int) jobs.stream().filter(j -> !j.statusProperty().get().isFinished()).count(), jobs);
        // Opened by a job, the panel closes itself once every job is done, unless one failed (its reason stays in view).
        jobs.addListener((javafx.collections.ListChangeListener<JobViewModel>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    for (int i = change.getFrom(); i < change.getTo(); i++) {
                        if (jobs.get(i).statusProperty().get() == JobStatus.FAILED) {
                            openedByAJob = false;
                            panelOpen.set(true);
                        }
                    }
                }
            }
        });
        unfinishedCount.addListener((obs, old, now) -> {
            if (now.intValue() == 0 && openedByAJob) {
                openedByAJob = false;
                panelOpen.set(false);
            }
        });
        current = Bindings.createObjectBinding(
                () -> jobs.stream().filter(j -> j.statusProperty().get() == JobStatus.RUNNING).findFirst().orElse(null), jobs);
    }

    public JobManager manager() {
        return manager;
    }

    public ObservableList<JobViewModel> jobs() {
        return jobs;
    }

    public IntegerBinding unfinishedCountBinding() {
        return unfinishedCount;
    }

    /** The running job the status bar follows, or null. */
    public ObjectBinding<JobViewModel> currentBinding() {
        return current;
    }

    /** Whether the jobs panel is shown; opened while a job runs (longer than a moment), closed when all are done. */
    public BooleanProperty panelOpenProperty() {
        return panelOpen;
    }

    /** Forgets finished jobs. */
    public void clearFinished() {
        jobs.removeIf(j -> j.statusProperty().get().isFinished());
    }
}
