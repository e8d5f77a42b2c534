package org.signalbench.ui.jobs;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
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
import org.signalbench.jobs.Job;
import org.signalbench.jobs.JobStatus;
import org.signalbench.ui.common.Durations;

/**
 * A {@link Job} as JavaFX properties. The job reports from its worker thread, perhaps thousands of
 * times a second; the view model copies the job's state over on the FX thread at most once per
 * pulse, so the UI stays responsive however chatty the work is.
 */
public final class JobViewModel {
    private final Job job;
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private final ObjectProperty<JobStatus> status = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final BooleanProperty cancellable = new SimpleBooleanProperty();

    public JobViewModel(Job job) {
        this.job = job;
        refresh();
        job.addListener(changed -> scheduleRefresh());
    }

    private void scheduleRefresh() {
        if (refreshScheduled.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                refreshScheduled.set(false);
                refresh();
            });
        }
    }

    private void refresh() {
        JobStatus now = job.status();
        status.set(now);
        progress.set(now == JobStatus.WAITING ? 0 : job.fraction());
        message.set(now == JobStatus.FAILED ? job.error() : job.message());
        details.set(details(now));
        cancellable.set(!now.isFinished());
    }

    private String details(JobStatus now) {
        return switch (now) {
            case WAITING -> "waiting";
            case RUNNING -> {
                String percent = job.fraction() < 0 ? "" : String.format(Locale.ROOT, "%.0f %%", job.fraction() * 100);
                String left = job.timeLeft().map(Durations::timeLeft).orElse("");
                yield (percent + (percent.isEmpty() || left.isEmpty() ? "" : " · ") + left);
            }
            case DONE -> "done in " + Durations.shortText(job.elapsed());
            case CANCELLED -> "cancelled";
            case FAILED -> "failed";
        };
    }

    public void cancel() {
        job.cancel();
    }

    public Job job() {
        return job;
    }

    public String name() {
        return job.name();
    }

    public ReadOnlyObjectProperty<JobStatus> statusProperty() {
        return status;
    }

    /** 0 to 1, or -1 while the amount of work is unknown (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Percentage and time left while running; the outcome afterwards. */
    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable;
    }
}
