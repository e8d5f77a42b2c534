package org.signalbench.ui.main;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.signalbench.app.LabelExportService;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;

/**
 * The File menu's label exports (final labels, coders' answers, agreement) as jobs: the same
 * {@link LabelExportService} the {@code export} command calls, and what came of the last one.
 */
public final class LabelExportsViewModel {
    private final CurrentWorkbench current;
    private final JobManager jobs;
    private final LabelExportService service;
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");

    public LabelExportsViewModel(CurrentWorkbench current, JobManager jobs, LabelExportService service) {
        this.current = current;
        this.jobs = jobs;
        this.service = service;
    }

    /** The file name the save dialog proposes for {@code kind}: "study-final-labels.csv". */
    public String suggestedName(LabelExportService.Kind kind) {
        Workbench open = current.get();
        String base = open == null ? "signalbench" : open.file().getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return base + "-" + kind.key() + ".csv";
    }

    /** Writes {@code kind} to {@code file} as a job; {@link #statusProperty()} or {@link #problemProperty()} says how it went. */
    public SubmittedJob<LabelExportService.Written> export(LabelExportService.Kind kind, Path file) {
        Workbench open = current.get();
        problem.set("");
        SubmittedJob<LabelExportService.Written> submitted = jobs.submit("Exporting " + kind.key(), job -> {
            job.progress(0, 1, file.getFileName().toString());
            if (open == null) {
                throw new IllegalStateException("no workbench is open");
            }
            LabelExportService.Written written = service.export(open, kind, file, false);
            job.progress(1, 1, written.rows() + " rows");
            return written;
        });
        submitted.result().whenComplete((written, error) -> Platform.runLater(() -> {
            if (error == null) {
                status.set("Wrote " + written.rows() + " rows to " + written.file()
                        + (written.companions().isEmpty() ? "" : " with its codebook and R, Stata and SPSS scripts"));
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                problem.set("Cannot export to " + file + ": " + cause.getMessage());
            }
        }));
        return submitted;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
