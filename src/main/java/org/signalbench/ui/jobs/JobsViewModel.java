package org.signalbench.ui.jobs;

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

/** All jobs of this session for the jobs panel, newest first, and what the status bar shows of them. */
public final class JobsViewModel {
    private final JobManager manager;
    // Extractor: the counts below hear about status changes of the jobs in the list.
    private final ObservableList<JobViewModel> jobs =
            FXCollections.observableArrayList(job -> new javafx.beans.Observable[] {job.statusProperty()});
    private final IntegerBinding unfinishedCount;
    private final ObjectBinding<JobViewModel> current;
    private final BooleanProperty panelOpen = new SimpleBooleanProperty();

    public JobsViewModel(JobManager manager) {
        this.manager = manager;
        manager.addSubmitListener(job -> {
            JobViewModel model = new JobViewModel(job);
            Platform.runLater(() -> {
                jobs.add(0, model);
                panelOpen.set(true);
            });
        });
        unfinishedCount = Bindings.createIntegerBinding(
                () -> (int) jobs.stream().filter(j -> !j.statusProperty().get().isFinished()).count(), jobs);
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

    /** Whether the jobs panel is shown; opened when a job starts. */
    public BooleanProperty panelOpenProperty() {
        return panelOpen;
    }

    /** Forgets finished jobs. */
    public void clearFinished() {
        jobs.removeIf(j -> j.statusProperty().get().isFinished());
    }
}
